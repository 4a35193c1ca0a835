-- Issue 9: officers' learning and development, abstraction, wellbeing and the guidance library.

-- The catalogue of courses and accreditations. A specialist accreditation is what accredited_share counts.
create table training_course (
    code                     text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
    name                     text    not null,
    kind                     text    not null check (kind in ('course', 'accreditation')),
    valid_for_months         integer check (valid_for_months between 1 and 240),
    specialist_accreditation boolean not null default false,
    description              text,
    retired                  boolean not null default false
);

insert into training_course (code, name, kind, valid_for_months, specialist_accreditation, description) values
    ('ssaidp', 'Specialist Sexual Assault Investigators Development Programme (SSAIDP)', 'accreditation', 60, true,
     'The national development programme for specialist RASSO investigators.'),
    ('rasso_specialist', 'RASSO specialist training', 'accreditation', 36, true,
     'The force''s specialist training for rape and serious sexual offence investigation.'),
    ('word_on_word', 'Word-on-word investigations', 'course', 36, false,
     'Investigating when the evidence is largely the accounts of the victim and the suspect.'),
    ('abe', 'Achieving Best Evidence (ABE) interviewing', 'course', 36, false,
     'Visually recorded interviews with victims and witnesses.'),
    ('trauma_informed', 'Trauma-informed practice', 'course', 24, false,
     'The effects of trauma on memory and engagement, and how to work with them.');

-- What an officer completed, with the date it lapses (null: it does not) and the evidence.
create table officer_training (
    id           bigint generated always as identity primary key,
    force_code   text not null references force (force_code),
    officer_code text not null,
    course_code  text not null references training_course (code),
    completed_on date not null,
    expires_on   date check (expires_on > completed_on),
    evidence     text,
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);

create index officer_training_officer on officer_training (force_code, officer_code);

-- An officer's learning plan: what they mean to complete, by when, and how it is going.
create table learning_plan_item (
    id           bigint generated always as identity primary key,
    force_code   text not null references force (force_code),
    officer_code text not null,
    course_code  text references training_course (code),
    goal         text not null,
    target_on    date,
    status       text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
    recorded_by  text not null,
    updated_at   timestamptz not null default now()
);

create index learning_plan_item_officer on learning_plan_item (force_code, officer_code);

-- Days an officer was taken off RASSO work for other duties (inclusive dates).
create table officer_abstraction (
    id           bigint generated always as identity primary key,
    force_code   text not null references force (force_code),
    officer_code text not null,
    team_code    text,
    duty         text not null,
    starts_on    date not null,
    ends_on      date not null check (ends_on >= starts_on),
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);

create index officer_abstraction_officer on officer_abstraction (force_code, officer_code);

-- Wellbeing: private to the person (by account), shared only with whom they choose. Minimal data: scores,
-- dates and kinds, no free text.
create table wellbeing_checkin (
    id          bigint generated always as identity primary key,
    username    text not null,
    checked_on  date not null,
    coping      smallint not null check (coping between 1 and 5),
    supported   smallint not null check (supported between 1 and 5),
    switch_off  smallint not null check (switch_off between 1 and 5),
    sleep       smallint not null check (sleep between 1 and 5),
    purpose     smallint not null check (purpose between 1 and 5)
);

create index wellbeing_checkin_user on wellbeing_checkin (username, checked_on);

create table wellbeing_share (
    owner      text not null,
    viewer     text not null,
    shared_at  timestamptz not null default now(),
    primary key (owner, viewer),
    check (owner <> viewer)
);

create table reflective_supervision (
    id          bigint generated always as identity primary key,
    username    text not null,
    held_on     date not null,
    supervisor  text
);

create index reflective_supervision_user on reflective_supervision (username);

create table wellbeing_referral (
    id          bigint generated always as identity primary key,
    username    text not null,
    referred_on date not null,
    service     text not null check (service in ('occupational_health', 'trauma_support', 'other'))
);

create index wellbeing_referral_user on wellbeing_referral (username);

-- The guidance library: documents and links by pillar, each change a new version.
create table guidance_document (
    id                  bigint generated always as identity primary key,
    pillar              text not null check (pillar in ('suspect_focus', 'repeat_suspects', 'procedural_justice',
                            'learning_and_wellbeing', 'data_led', 'digital_forensics')),
    title               text not null,
    share_with_network  boolean not null default false,
    created_by          text not null,
    created_at          timestamptz not null default now()
);

create table guidance_version (
    document_id  bigint  not null references guidance_document (id),
    version      integer not null check (version >= 1),
    url          text check (url ~ '^https?://'),
    summary      text not null,
    published_on date    not null,
    published_by text    not null,
    primary key (document_id, version)
);

-- Training and abstraction change the officer roster the measures hold (accredited_share,
-- abstraction_days): such changes are noted in measure_change without a crime.
alter table measure_change alter column crime_id drop not null;
