-- Issue 7: the investigator's casework. The investigator's journey (its stages are data a force lead
-- edits), the stage each crime has reached, lines of enquiry, supervisor reviews, requests for the
-- victim's material with their approval, device exhibits for digital forensics, pre-charge bail and
-- release under investigation, and CPS liaison. Free text is encrypted by the application (AES-GCM,
-- bound to table, crime and column) as the victims' records are.
create table journey_stage (
    code     text primary key check (code ~ '^[a-z0-9_]{1,40}$'),
    position integer not null,
    name     text    not null check (length(name) between 1 and 120),
    guidance text    not null default '',
    active   boolean not null default true
);

-- The College of Policing's journey has 15 stages; only the first two are published, so the rest are
-- a reasonable default (shared/domain/soteria.md) that each force may rename, reorder or retire.
insert into journey_stage (code, position, name, guidance) values
    ('first_contact', 1, 'First contact and recording', 'Record the crime without delay; tell the victim what happens next.'),
    ('initial_conversation', 2, 'Initial conversation', 'A SOLO/SOIT or the investigator listens to the victim, explains choices and agrees how to keep in touch.'),
    ('early_evidence', 3, 'Early evidence and SARC', 'Secure forensic opportunities: SARC examination, scenes, clothing, CCTV before it is overwritten.'),
    ('safeguarding', 4, 'Safeguarding and victim needs', 'Needs assessment, referral to an ISVA or other support, risk to the victim and others.'),
    ('suspect_background', 5, 'Suspect identification and background checks', 'Identify the suspect; check their history, intelligence and other allegations before anything is asked of the victim.'),
    ('victim_account', 6, 'Victim account (ABE)', 'Plan the interview with the victim, at their pace, with the interviewer of their choice where possible.'),
    ('digital_strategy', 7, 'Digital strategy', 'Suspect first. Any request for the victim''s device needs a line of enquiry, a justification and approval.'),
    ('third_party_material', 8, 'Third-party material', 'Request the victim''s records only for a reasonable line of enquiry, with approval, telling the victim.'),
    ('arrest_interview', 9, 'Suspect arrest and interview', 'Arrest or voluntary interview with a plan focused on the suspect''s behaviour before and after.'),
    ('bail_rui', 10, 'Bail or RUI and conditions', 'Set conditions that protect the victim; track expiry and reviews; tell the victim within a working day.'),
    ('case_building', 11, 'Case building and early CPS advice', 'Seek early advice from the CPS; work the action plan.'),
    ('cps_referral', 12, 'CPS referral', 'Refer the file when the readiness checklist is complete.'),
    ('charging_decision', 13, 'Charging decision', 'Record the CPS decision and tell the victim; explain their right to review.'),
    ('trial_support', 14, 'Pre-trial and trial support', 'Special measures, court familiarisation, updates on dates.'),
    ('final_outcome', 15, 'Final outcome and disruption review', 'Record the outcome; consider orders and other disruption of the suspect.');

create table crime_stage (
    id         bigint generated always as identity primary key,
    crime_id   bigint not null references crime (id),
    stage_code text   not null references journey_stage (code),
    entered_on date   not null,
    entered_by text   not null,
    entered_at timestamptz not null default now()
);

create index crime_stage_crime on crime_stage (crime_id, entered_on desc, id desc);

create table enquiry_line (
    id          bigint generated always as identity primary key,
    crime_id    bigint not null references crime (id),
    focus       text   not null check (focus in ('suspect', 'victim', 'context', 'other')),
    -- The prompt it answers (org.soteria.casework.Prompts), when it came from one.
    prompt_code text,
    description text   not null,
    owner_code  text,
    due_on      date,
    status      text   not null default 'open' check (status in ('open', 'done', 'not_pursued')),
    result      text,
    created_by  text   not null,
    created_at  timestamptz not null default now(),
    closed_by   text,
    closed_on   date,
    constraint enquiry_line_closed check ((status = 'open') = (closed_on is null))
);

create index enquiry_line_crime on enquiry_line (crime_id);
create index enquiry_line_owner_open on enquiry_line (owner_code, due_on) where status = 'open';

create table supervisor_review (
    id                bigint generated always as identity primary key,
    crime_id          bigint not null references crime (id),
    reviewed_on       date   not null,
    reviewer          text   not null,
    suspect_focus     text   not null check (suspect_focus in ('yes', 'no')),
    victim_engagement text   not null check (victim_engagement in ('yes', 'no')),
    proportionality   text   not null check (proportionality in ('yes', 'no', 'not_applicable')),
    bail_status       text   not null check (bail_status in ('yes', 'no', 'not_applicable')),
    directions        text,
    recorded_at       timestamptz not null default now()
);

create index supervisor_review_crime on supervisor_review (crime_id, reviewed_on);

create table material_request (
    id                 bigint generated always as identity primary key,
    crime_id           bigint not null references crime (id),
    person_ref         bigint not null references person (id),
    material           text   not null check (material in ('phone_download', 'counselling_records', 'medical_records',
                           'school_records', 'social_care_records', 'other_records')),
    enquiry_line_id    bigint not null references enquiry_line (id),
    holder             text,
    scope              text   not null,
    justification      text   not null,
    least_intrusive    text   not null,
    victim_informed_on date   not null,
    victim_view        text   not null check (victim_view in ('agrees', 'agrees_with_limits', 'objects', 'not_able_to_say')),
    victim_view_note   text,
    status             text   not null check (status in ('awaiting_approval', 'approved', 'refused', 'sent', 'returned',
                           'withdrawn')),
    requested_by       text   not null,
    requested_on       date   not null,
    decision           text check (decision in ('approved', 'refused')),
    decided_by         text,
    decided_on         date,
    decision_note      text,
    sent_on            date,
    returned_on        date,
    closed_note        text,
    -- Nothing goes without a supervisor's approval, and no one approves their own request: the service
    -- refuses both, and the database refuses them again.
    constraint material_request_sent_approved check (sent_on is null or decision is not distinct from 'approved'),
    constraint material_request_not_own check (decided_by is null or decided_by <> requested_by),
    constraint material_request_returned_sent check (returned_on is null or sent_on is not null)
);

create index material_request_crime on material_request (crime_id);
create index material_request_waiting on material_request (status) where status = 'awaiting_approval';

create table device_exhibit (
    id                  bigint generated always as identity primary key,
    crime_id            bigint not null references crime (id),
    exhibit_ref         text   not null,
    device_type         text   not null check (device_type in ('phone', 'computer', 'tablet', 'storage', 'other')),
    owner_role          text   not null check (owner_role in ('suspect', 'victim', 'witness', 'other')),
    -- A victim's device is examined only under an approved request (pillar 6: no blanket downloads).
    material_request_id bigint references material_request (id),
    submitted_on        date   not null,
    triage              text check (triage in ('urgent', 'priority', 'standard')),
    status              text   not null check (status in ('awaiting_triage', 'awaiting_examination', 'in_examination',
                            'examined', 'returned')),
    triaged_on          date,
    started_on          date,
    examined_on         date,
    returned_on         date,
    recorded_by         text   not null,
    constraint device_exhibit_key unique (crime_id, exhibit_ref),
    constraint device_exhibit_victim_request check (owner_role <> 'victim' or material_request_id is not null)
);

create index device_exhibit_open on device_exhibit (status, submitted_on) where status <> 'returned';

create table bail_period (
    id           bigint generated always as identity primary key,
    crime_id     bigint not null references crime (id),
    person_ref   bigint not null references person (id),
    kind         text   not null check (kind in ('bail', 'rui')),
    started_on   date   not null,
    expires_on   date,
    review_on    date,
    authorised_by text,
    -- Bail conditions are kept as a disruption order (civil_order, type pre_charge_bail_conditions), so
    -- that the register, the disruption alerts, breaches and active_disruptions all see them.
    order_force  text,
    order_id     text,
    ended_on     date,
    end_reason   text check (end_reason in ('charged', 'no_further_action', 'released_under_investigation',
                     'bailed', 'cancelled', 'other')),
    recorded_by  text   not null,
    constraint bail_period_expires check (kind <> 'bail' or expires_on is not null),
    constraint bail_period_ended check ((ended_on is null) = (end_reason is null)),
    foreign key (order_force, order_id) references civil_order (force_code, order_id)
);

create index bail_period_crime on bail_period (crime_id);
create index bail_period_open on bail_period (expires_on) where ended_on is null;

create table cps_readiness (
    crime_id  bigint not null references crime (id),
    item      text   not null,
    ready_by  text   not null,
    ready_at  timestamptz not null default now(),
    primary key (crime_id, item)
);

create table cps_action (
    id         bigint generated always as identity primary key,
    crime_id   bigint not null references crime (id),
    action     text   not null,
    due_on     date   not null,
    owner_code text,
    done_on    date,
    done_by    text,
    created_by text   not null,
    created_at timestamptz not null default now()
);

create index cps_action_open on cps_action (crime_id) where done_on is null;

-- What was asked of the CPS (the question for early advice, the summary of a referral); the event
-- itself (cps_early_advice, cps_referral) is in the crime's timeline for the measures.
create table cps_submission (
    id           bigint generated always as identity primary key,
    crime_id     bigint not null references crime (id),
    kind         text   not null check (kind in ('early_advice', 'referral')),
    submitted_on date   not null,
    summary      text   not null,
    event_ref    bigint references event (id),
    submitted_by text   not null
);

create index cps_submission_crime on cps_submission (crime_id);
