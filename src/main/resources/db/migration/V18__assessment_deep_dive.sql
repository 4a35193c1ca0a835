-- Issue 8, part 3: the deep-dive case file review. A stratified random sample of crimes, drawn with a
-- recorded seed so it can be drawn again; structured reviews of each crime by police and academic
-- reviewers (free text encrypted by the application, bound to the sample, crime and column).
create table case_sample (
    id            bigint generated always as identity primary key,
    force_code    text    not null references force (force_code),
    title         text    not null check (length(title) between 1 and 200),
    recorded_from date    not null,
    recorded_to   date    not null check (recorded_to >= recorded_from),
    per_stratum   integer not null check (per_stratum between 1 and 50),
    seed          bigint  not null,
    candidates    integer not null,
    drawn_by      text    not null,
    drawn_at      timestamptz not null default now()
);

create table case_sample_crime (
    sample_id bigint  not null references case_sample (id),
    crime_id  bigint  not null references crime (id),
    stratum   text    not null,
    position  integer not null,
    primary key (sample_id, crime_id),
    unique (sample_id, position)
);

create table case_file_review (
    id                 bigint generated always as identity primary key,
    sample_id          bigint not null,
    crime_id           bigint not null,
    reviewer           text   not null,
    suspect_focus      text   not null check (suspect_focus in ('poor', 'needs_improvement', 'good', 'excellent')),
    victim_engagement  text   not null check (victim_engagement in ('poor', 'needs_improvement', 'good', 'excellent')),
    proportionality    text   not null check (proportionality in ('poor', 'needs_improvement', 'good', 'excellent',
                           'not_applicable')),
    timeliness         text   not null check (timeliness in ('poor', 'needs_improvement', 'good', 'excellent')),
    missed_opportunity text   not null check (missed_opportunity in ('yes', 'no')),
    missed_note        text,
    learning           text,
    reviewed_at        timestamptz not null default now(),
    unique (sample_id, crime_id, reviewer),
    foreign key (sample_id, crime_id) references case_sample_crime (sample_id, crime_id)
);
