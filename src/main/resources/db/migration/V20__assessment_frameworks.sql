-- Issue 8, parts 1, 2 and 5: assessment frameworks as data (sections, questions with guidance and the evidence
-- asked for, a maturity scale with a descriptor for each level), versioned; a force's self-assessment against
-- one version, section by section, with answers, evidence files, academic partners' comments and the force
-- lead's sign-off.
create table framework (
    id           bigint generated always as identity primary key,
    name         text    not null,
    version      integer not null check (version >= 1),
    status       text    not null check (status in ('draft', 'published')),
    created_by   text    not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    unique (name, version)
);

create table framework_section (
    framework_id bigint  not null references framework (id),
    code         text    not null,
    position     integer not null,
    name         text    not null,
    description  text    not null default '',
    primary key (framework_id, code)
);

create table framework_question (
    id           bigint generated always as identity primary key,
    framework_id bigint  not null,
    section_code text    not null,
    position     integer not null,
    text         text    not null,
    guidance     text    not null default '',
    evidence     text    not null default '',
    foreign key (framework_id, section_code) references framework_section (framework_id, code)
);

create table framework_level (
    framework_id bigint  not null references framework (id),
    level        integer not null check (level between 1 and 5),
    name         text    not null,
    descriptor   text    not null,
    primary key (framework_id, level)
);

create table assessment (
    id            bigint generated always as identity primary key,
    force_code    text   not null references force (force_code),
    framework_id  bigint not null references framework (id),
    title         text   not null check (length(title) between 1 and 200),
    started_by    text   not null,
    started_at    timestamptz not null default now(),
    signed_off_by text,
    signed_off_at timestamptz
);

create table assessment_section (
    assessment_id bigint not null references assessment (id),
    section_code  text   not null,
    status        text   not null check (status in ('not_started', 'in_progress', 'completed', 'needs_review')),
    updated_by    text,
    updated_at    timestamptz,
    primary key (assessment_id, section_code)
);

create table assessment_answer (
    assessment_id bigint  not null references assessment (id),
    question_id   bigint  not null references framework_question (id),
    level         integer check (level between 1 and 5),
    answer        text,
    answered_by   text    not null,
    answered_at   timestamptz not null default now(),
    primary key (assessment_id, question_id)
);

create table assessment_comment (
    id            bigint generated always as identity primary key,
    assessment_id bigint not null references assessment (id),
    section_code  text   not null,
    author        text   not null,
    text          text   not null,
    needs_review  boolean not null,
    at            timestamptz not null default now()
);

create table assessment_evidence (
    id            bigint generated always as identity primary key,
    assessment_id bigint  not null references assessment (id),
    section_code  text    not null,
    file_name     text    not null,
    content_type  text    not null,
    size          integer not null,
    sha256        text    not null,
    content       bytea   not null,
    uploaded_by   text    not null,
    uploaded_at   timestamptz not null default now()
);

-- The default framework: the six pillars of Operation Soteria and the National Operating Model's
-- principles (victim-centred, suspect-focused, context-led). Soteria's own wording; the national
-- coordinator edits it by publishing a new version.
insert into framework (name, version, status, created_by, published_at)
values ('Operation Soteria self-assessment', 1, 'published', 'soteria', now());

insert into framework_level (framework_id, level, name, descriptor)
select f.id, l.level, l.name, l.descriptor from framework f, (values
    (1, 'Not yet started', 'The practice is not in place, or only in individual officers'' hands.'),
    (2, 'Developing', 'The practice is agreed and in place in parts of the force; it is not yet consistent or measured.'),
    (3, 'Established', 'The practice is consistent across the force, supervised, and measured.'),
    (4, 'Embedded and improving', 'The practice is routine, measured, reviewed with partners and improved from evidence.')
) as l (level, name, descriptor) where f.name = 'Operation Soteria self-assessment' and f.version = 1;

insert into framework_section (framework_id, code, position, name, description)
select f.id, s.code, s.position, s.name, s.description from framework f, (values
    ('suspect_focus', 1, '1. Suspect-focused investigation', 'The suspect''s behaviour, history and other allegations are examined early.'),
    ('repeat_suspects', 2, '2. Identifying and disrupting repeat suspects', 'Repeat suspects are found, prioritised and disrupted.'),
    ('procedural_justice', 3, '3. Procedural justice for victims', 'Dignity, fairness, voice, safety and trust at every contact.'),
    ('officer_wellbeing', 4, '4. Learning, development and wellbeing of officers', 'Specialist training, manageable caseloads, time to reflect.'),
    ('data_led', 5, '5. Data-led performance monitoring', 'Reliable data used to steer and evaluate change.'),
    ('digital_forensics', 6, '6. Proportionate digital forensics', 'An evidence-informed, proportionate and transparent digital strategy.'),
    ('nom_principles', 7, 'National Operating Model principles', 'Investigations that are victim-centred, suspect-focused and context-led.')
) as s (code, position, name, description) where f.name = 'Operation Soteria self-assessment' and f.version = 1;

insert into framework_question (framework_id, section_code, position, text, guidance, evidence)
select f.id, q.section, q.position, q.text, q.guidance, q.evidence from framework f, (values
    ('suspect_focus', 1, 'How early and how consistently are suspects'' histories, intelligence and other allegations checked?', 'Look at the plans of recent crimes: when were the checks done, and did they shape the investigation?', 'Deep-dive findings on suspect focus; investigation plans; supervisors'' review records.'),
    ('suspect_focus', 2, 'How do supervisors make sure investigations test the suspect''s account rather than the victim''s credibility?', 'Consider review checklists, interview plans and how challenge is recorded.', 'Supervisor review records; interview plans; training material.'),
    ('repeat_suspects', 1, 'How are suspects linked across crimes and repeat suspects identified?', 'Include records held under different names and in other forces.', 'The repeat-suspect register; link review decisions; the repeat_suspect_share measure.'),
    ('repeat_suspects', 2, 'How are repeat suspects prioritised and disrupted (arrest, orders, bail conditions, intelligence sharing)?', 'Consider who decides, how quickly, and how breaches are followed up.', 'Disruption orders and their reviews; alerts acted on; active_disruptions.'),
    ('procedural_justice', 1, 'How are victims kept informed, in the way they chose, at every stage?', 'Victims'' Code duties met on time, contact plans, updates.', 'victims_code_compliance; contact plans; victim feedback.'),
    ('procedural_justice', 2, 'How does the force learn from victims who withdraw, and from their feedback?', 'Withdrawal stage and reason; what changed as a result.', 'withdrawal_by_stage_and_reason; victim_feedback; actions taken.'),
    ('officer_wellbeing', 1, 'How many RASSO investigators are fully trained and accredited, and how is that planned?', 'Include SSAIDP, specialist RASSO training and refreshers.', 'accredited_share; training records; learning plans.'),
    ('officer_wellbeing', 2, 'How are caseloads, abstraction and officers'' wellbeing managed?', 'Consider caseload thresholds, abstraction from RASSO work and support for vicarious trauma.', 'open_caseload; abstraction_days; wellbeing averages and referrals.'),
    ('data_led', 1, 'How reliable is the force''s RASSO data, and how are gaps fixed?', 'Missing dates and ages, unmapped local codes, third-party reports.', 'The data quality page; import problem reports.'),
    ('data_led', 2, 'How do leaders use measures to steer and evaluate change?', 'Performance meetings, targets, evaluation of actions.', 'Dashboards used; improvement plan actions linked to measures.'),
    ('digital_forensics', 1, 'How does the force make sure requests for victims'' phones and records are necessary and proportionate?', 'Each tied to a line of enquiry, with a justification and supervisor approval; the victim told.', 'Request figures (requested, refused, approved); deep-dive findings on proportionality.'),
    ('digital_forensics', 2, 'How quickly are devices examined and returned, and how is the queue prioritised?', 'Triage levels and turnaround; victims'' devices returned.', 'The digital forensics queue and turnaround figures.'),
    ('nom_principles', 1, 'How are investigations victim-centred: the victim''s wishes, needs and choices shaping the investigation?', 'Including third-party reports the victim did not make.', 'Contact plans; needs assessments; third-party report handling.'),
    ('nom_principles', 2, 'How are investigations context-led: the relationship, the circumstances before and after, the suspect''s wider behaviour?', 'Prompts answered in investigation plans; context recorded.', 'Investigation plans; deep-dive findings.')
) as q (section, position, text, guidance, evidence) where f.name = 'Operation Soteria self-assessment' and f.version = 1;
