-- Issue 4: the victim's journey. The Victims' Code rules and the bank holiday changes are data here
-- (victims-code.md asks for both to be extendable); contact plans, the contact log, Victims' Right to
-- Review requests and single-use feedback links are records of the platform itself.

-- One-off changes to England and Wales bank holidays: a rule-made holiday removed (moved), an extra one
-- added, or both. The statutory rules themselves are code (org.soteria.victim.WorkingDays).
create table bank_holiday_change (
    id      bigint generated always as identity primary key,
    removed date unique,
    added   date unique,
    why     text not null,
    check (removed is not null or added is not null)
);

insert into bank_holiday_change (removed, added, why) values
    ('1995-05-01', '1995-05-08', 'VE Day 50th anniversary'),
    (null, '1999-12-31', 'Millennium'),
    ('2002-05-27', '2002-06-04', 'Golden Jubilee (spring holiday moved)'),
    (null, '2002-06-03', 'Golden Jubilee'),
    (null, '2011-04-29', 'Royal wedding'),
    ('2012-05-28', '2012-06-04', 'Diamond Jubilee (spring holiday moved)'),
    (null, '2012-06-05', 'Diamond Jubilee'),
    ('2020-05-04', '2020-05-08', 'VE Day 75th anniversary (early May holiday moved)'),
    ('2022-05-30', '2022-06-02', 'Platinum Jubilee (spring holiday moved)'),
    (null, '2022-06-03', 'Platinum Jubilee'),
    (null, '2022-09-19', 'State funeral of Queen Elizabeth II'),
    (null, '2023-05-08', 'Coronation of King Charles III');

-- Each version of the Code's police time limits (enhanced rights: every RASSO victim has them), applied
-- to the obligations whose trigger date is on or after in_force_from.
create table victims_code_version (
    name                          text primary key,
    in_force_from                 date    not null unique,
    key_event_working_days        integer not null check (key_event_working_days between 0 and 30),
    support_referral_working_days integer not null check (support_referral_working_days between 0 and 30)
);

insert into victims_code_version values ('Code of Practice for Victims of Crime 2021', '2021-04-01', 1, 2);

-- How a victim wants to be contacted, agreed with them. Free-text and contact fields are encrypted by
-- the application (AES-GCM, bound to crime, person and column), as people's own fields are.
create table victim_contact_plan (
    crime_id                bigint  not null references crime (id),
    person_ref              bigint  not null references person (id),
    preferred_channel       text    not null check (preferred_channel in
                                ('phone', 'text_message', 'email', 'letter', 'in_person', 'through_isva')),
    do_not_call             boolean not null default false,
    this_number_only        boolean not null default false,
    safe_number             text,
    safe_times              text,
    interviewer_gender      text    not null default 'no_preference'
                                check (interviewer_gender in ('female', 'male', 'no_preference')),
    interpreter_language    text,
    communication_needs     text,
    isva_name               text,
    isva_contact            text,
    liaison_officer_code    text,
    update_every_days       integer not null check (update_every_days between 1 and 90),
    agreed_on               date    not null,
    ended_on                date check (ended_on >= agreed_on),
    updated_by              text    not null,
    updated_at              timestamptz not null default now(),
    primary key (crime_id, person_ref)
);

create index victim_contact_plan_liaison on victim_contact_plan (liaison_officer_code);

-- The contact log: every contact with a victim, who made it, how and what was said (encrypted). A
-- contact that fulfils a Victims' Code duty also records the matching event, so that the Code engine,
-- the measures and exports all see it.
create table victim_contact (
    id            bigint generated always as identity primary key,
    crime_id      bigint      not null references crime (id),
    person_ref    bigint      not null references person (id),
    occurred_at   timestamptz not null,
    channel       text        not null check (channel in
                      ('phone', 'text_message', 'email', 'letter', 'in_person', 'through_isva')),
    purpose       text        not null check (purpose in ('first_contact', 'needs_assessment', 'support_referral',
                      'key_event_notification', 'progress_update', 'other')),
    summary       text        not null,
    event_ref     bigint references event (id),
    recorded_by   text        not null,
    recorded_at   timestamptz not null default now()
);

create index victim_contact_crime on victim_contact (crime_id, occurred_at);

-- Victims' Right to Review requests (police or CPS scheme) and their outcomes.
create table vrr_request (
    id            bigint generated always as identity primary key,
    crime_id      bigint not null references crime (id),
    person_ref    bigint not null references person (id),
    scheme        text   not null check (scheme in ('police', 'cps')),
    requested_on  date   not null,
    outcome       text   not null default 'pending'
                      check (outcome in ('pending', 'decision_upheld', 'decision_overturned', 'request_withdrawn')),
    outcome_on    date check (outcome_on >= requested_on),
    event_ref     bigint references event (id),
    recorded_by   text   not null,
    recorded_at   timestamptz not null default now(),
    check ((outcome = 'pending') = (outcome_on is null))
);

create index vrr_request_crime on vrr_request (crime_id);

-- Single-use links to the procedural-justice feedback form. Only a hash of the token is kept; the link
-- is shown once, to the officer who creates it.
create table feedback_invitation (
    id          bigint generated always as identity primary key,
    token_hash  text        not null unique,
    crime_id    bigint      not null references crime (id),
    person_ref  bigint      not null references person (id),
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz
);

create index feedback_invitation_crime on feedback_invitation (crime_id);

-- Free-text comments from feedback, kept apart from the scores and from the crime and the victim, so that
-- nobody can tie a comment to a person. Encrypted; shown to the force lead only, a month at a time.
create table feedback_comment (
    id             bigint generated always as identity primary key,
    force_code     text not null references force (force_code),
    returned_month date not null,
    comment        text not null
);
