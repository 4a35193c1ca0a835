-- The investigation record: forces, teams, officers, crimes (with N100 incidents and cancelled
-- records), people, the roles they play in crimes, the timeline of events, civil orders and
-- victim feedback. Keys follow the exchange format: every natural key is scoped by force.
--
-- Coded columns are checked against the codes of V1's reference tables with CHECK constraints
-- rather than foreign keys: a foreign key costs a lookup per inserted row, which made bulk imports
-- of millions of events several times slower (docs/benchmarks.md); ReferenceDataIT proves the lists
-- match. Foreign keys are kept where they join records: crime, person, force.
create table force (
    force_code text primary key,
    name       text not null
);

create table team (
    force_code text not null references force (force_code),
    team_code  text not null,
    name       text,
    primary key (force_code, team_code)
);

create table officer (
    force_code       text not null references force (force_code),
    officer_code     text not null,
    display_name     text,
    team_code        text,
    role             text check (role in ('investigator', 'supervisor', 'solo', 'analyst', 'other')),
    accredited_until date,
    primary key (force_code, officer_code)
);

create table crime (
    id               bigint generated always as identity primary key,
    force_code       text    not null references force (force_code),
    crime_ref        text    not null,
    record_type      text    not null check (record_type in ('crime', 'n100', 'cancelled')),
    n100_code        smallint check (n100_code in (1, 2, 3)),
    offence_code     text    not null check (offence_code in ('19C', '19D', '19E', '19F', '19G', '19H', '17A', '17B', '20A', '20B', '21', '22A', '22B', '23', '70', '71', '72', '73', '88A')),
    recorded_date    date    not null,
    offence_date     date,
    report_source    text    not null check (report_source in ('victim', 'third_party', 'professional', 'other')),
    victim_consented boolean,
    team_code        text,
    officer_code     text,
    outcome_code     text check (outcome_code in ('1', '1A', '2', '2A', '3', '3A', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22')),
    outcome_date     date,
    restricted       boolean not null default false,
    -- The groups of outcomes-and-offences.md, derived by the database so that the case list can
    -- filter and sort on one index (ReferenceDataIT proves they match the enums).
    offence_group    text generated always as (case
        when offence_code in ('19C', '19F') then 'adult_rape'
        when offence_code in ('19D', '19E', '19G', '19H') then 'child_rape'
        when offence_code in ('17A', '17B', '20A', '20B') then 'sexual_assault'
        else 'other_sexual' end) stored,
    outcome_group    text generated always as (case
        when outcome_code is null then null
        when outcome_code in ('1', '1A') then 'charged'
        when outcome_code in ('2', '2A', '3', '3A', '4', '6', '7', '8') then 'out_of_court'
        when outcome_code in ('14', '16') then 'victim_does_not_support'
        when outcome_code = '15' then 'evidential_difficulties_victim_supports'
        when outcome_code = '18' then 'no_suspect_identified'
        when outcome_code in ('5', '9', '10', '11', '12', '13', '17', '21', '22') then 'prevented_or_not_in_public_interest'
        when outcome_code = '20' then 'transferred'
        else 'other' end) stored,
    constraint crime_key unique (force_code, crime_ref),
    constraint crime_n100_code check ((record_type = 'n100') = (n100_code is not null)),
    constraint crime_outcome_dated check ((outcome_code is null) = (outcome_date is null))
);

-- The case list sorts by recording date and filters by these; the indexes keep it fast at 10^6 crimes
-- (docs/benchmarks.md). Open crimes are few and recent, so they get a partial index of their own.
create index crime_recorded on crime (recorded_date desc, id desc);
create index crime_team_recorded on crime (team_code, recorded_date desc, id desc);
create index crime_officer_recorded on crime (officer_code, recorded_date desc, id desc);
create index crime_offence_group_recorded on crime (offence_group, recorded_date desc, id desc);
create index crime_outcome_group_recorded on crime (outcome_group, recorded_date desc, id desc);
create index crime_open_recorded on crime (recorded_date, id) where record_type = 'crime' and outcome_code is null;
create index crime_ref_search on crime (upper(crime_ref) text_pattern_ops);

create table person (
    id            bigint generated always as identity primary key,
    force_code    text not null references force (force_code),
    person_id     text not null,
    given_name    text,
    middle_names  text,
    family_name   text,
    date_of_birth text check (date_of_birth ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
    sex           text check (sex in ('female', 'male', 'other', 'unknown')),
    postcode      text,
    address       text,
    birth_place   text,
    pnc_id        text,
    phone         text,
    email         text,
    constraint person_key unique (force_code, person_id)
);

-- Name search: a family name prefix (with, in the same index, a given name prefix), or a given name alone.
create index person_family_given_name on person (lower(family_name) text_pattern_ops, lower(given_name) text_pattern_ops);
create index person_given_name on person (lower(given_name) text_pattern_ops);

create table case_person (
    crime_id       bigint not null references crime (id),
    person_ref     bigint not null references person (id),
    role           text   not null check (role in ('victim', 'suspect', 'witness')),
    relationship   text check (relationship in ('partner', 'ex_partner', 'family', 'acquaintance', 'stranger',
                                                'online_contact', 'professional', 'other', 'unknown')),
    age_at_offence integer check (age_at_offence between 0 and 130),
    primary key (crime_id, person_ref, role)
);

create index case_person_person on case_person (person_ref);

create table event (
    id              bigint generated always as identity primary key,
    -- The crime's force, kept here because event keys are unique per force.
    force_code      text        not null,
    -- "id:<event_id>" when the force gave one, otherwise the composite key of exchange-format.md.
    event_key       text        not null,
    event_id        text,
    crime_id        bigint      not null references crime (id),
    event_type      text        not null check (event_type in ('first_contact', 'needs_assessment', 'victim_update', 'support_referral', 'victim_notified', 'victim_withdrawal', 'victim_reengaged', 'vrr_request', 'suspect_identified', 'arrest', 'voluntary_interview', 'interview_under_caution', 'bail', 'bail_change', 'released_under_investigation', 'cps_early_advice', 'cps_referral', 'cps_decision', 'charge', 'nfa_decision', 'out_of_court_disposal', 'decision_not_to_investigate', 'court_outcome')),
    occurred_at     timestamptz not null,
    -- False when the source gave a date alone; it is then stored as midnight Europe/London.
    occurred_timed  boolean     not null,
    person_ref      bigint references person (id),
    officer_code    text,
    detail          text,
    constraint event_key unique (force_code, event_key)
);

create index event_crime on event (crime_id, occurred_at);

create table civil_order (
    force_code    text not null references force (force_code),
    order_id      text not null,
    person_ref    bigint not null references person (id),
    order_type    text not null check (order_type in ('SRO', 'SHPO', 'interim_SRO', 'interim_SHPO',
                                                      'pre_charge_bail_conditions', 'other')),
    made_date     date,
    expires_date  date,
    prohibitions  text,
    breached_on   date,
    primary key (force_code, order_id)
);

create table victim_feedback (
    crime_id      bigint   not null references crime (id),
    person_ref    bigint   not null references person (id),
    returned_date date     not null,
    dignity       smallint check (dignity between 1 and 5),
    fairness      smallint check (fairness between 1 and 5),
    voice         smallint check (voice between 1 and 5),
    safety        smallint check (safety between 1 and 5),
    trust         smallint check (trust between 1 and 5),
    primary key (crime_id, person_ref, returned_date)
);
