-- Issue 23, ADR 24: people's own answers (victims' feedback, officers' wellbeing check-ins) are published over
-- fixed, closed calendar months, and a month's figures never change once published. The first time a closed month
-- is needed its cells (one per force, team and officer in the case for feedback; one per team for wellbeing) are
-- worked out once and kept here; every figure shown afterwards is a sum of these cells, never of live rows.
create table disclosure_published_cell (
    force_code   text     not null,
    series       text     not null check (series in ('victim_feedback', 'wellbeing')),
    month        date     not null check (extract(day from month) = 1),
    unit         text     not null,
    parent       text,
    people       integer  not null check (people >= 0),
    responses    integer  not null check (responses >= 0),
    late         integer  not null default 0 check (late >= 0),
    sums         bigint[] not null,
    answered     bigint[] not null,
    primary key (force_code, series, month, unit)
);

-- The months already published, per force and series: each is fixed. A month with no answers at all is not
-- published (nothing was shown for it), so answers that reach it later still count in it.
create table disclosure_published_month (
    force_code   text        not null,
    series       text        not null check (series in ('victim_feedback', 'wellbeing')),
    month        date        not null check (extract(day from month) = 1),
    published_at timestamptz not null default now(),
    primary key (force_code, series, month)
);

-- The month a returned feedback form counts in: the month it was returned, unless that month is already published,
-- in which case the month it arrived (a late answer never changes a published figure; it counts when it came).
alter table victim_feedback add column counted_month date;
update victim_feedback set counted_month = date_trunc('month', returned_date)::date;
alter table victim_feedback alter column counted_month set not null;
create index victim_feedback_counted on victim_feedback (counted_month);

create function victim_feedback_counted_month() returns trigger
    language plpgsql security definer set search_path = public as $$
begin
    if exists (select 1 from disclosure_published_month p join crime c on c.force_code = p.force_code
                where c.id = new.crime_id and p.series = 'victim_feedback'
                  and p.month = date_trunc('month', new.returned_date)::date) then
        new.counted_month := date_trunc('month', now() at time zone 'Europe/London')::date;
    else
        new.counted_month := date_trunc('month', new.returned_date)::date;
    end if;
    return new;
end $$;

create trigger victim_feedback_counted_month before insert on victim_feedback
    for each row execute function victim_feedback_counted_month();
