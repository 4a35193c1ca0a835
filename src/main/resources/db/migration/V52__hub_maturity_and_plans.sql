-- Issue 28: what each force tells the hub of its own progress (ADR 35). Its signed-off self-assessments, each
-- section's mean maturity level; and its improvement plan's actions by pillar as of a day. A force's latest file
-- replaces all it sent before (it carries every signed-off cycle), so a cycle the force withdrew leaves the hub too.
-- Nothing here names a crime or a person.
create table hub_maturity (
    force_code        text    not null references hub_force (force_code),
    cycle_number      bigint  not null,
    title             text    not null,
    signed_off_on     date    not null,
    framework         text    not null,
    framework_version int     not null check (framework_version >= 1),
    section_code      text    not null,
    section_position  int     not null,
    section_name      text    not null,
    section_name_cy   text,
    level             numeric(4, 2) check (level between 1 and 4),
    answered          int     not null check (answered >= 0),
    questions         int     not null check (questions >= answered),
    receipt_id        bigint  not null references hub_receipt (id),
    primary key (force_code, cycle_number, section_code),
    check ((level is null) = (answered = 0))
);

create table hub_plan (
    force_code text   not null references hub_force (force_code),
    pillar     int    not null check (pillar between 1 and 6),
    actions    int    not null,
    done       int    not null check (done >= 0),
    overdue    int    not null check (overdue >= 0),
    on_track   int    not null check (on_track >= 0),
    at_risk    int    not null check (at_risk >= 0),
    as_of      date   not null,
    receipt_id bigint not null references hub_receipt (id),
    primary key (force_code, pillar),
    check (done + overdue + on_track + at_risk = actions)
);

-- A force records the progress files it signs like its other files.
alter table network_submission drop constraint network_submission_kind_check;
alter table network_submission add constraint network_submission_kind_check
    check (kind in ('benchmark', 'encodings', 'notices-request', 'checkpoint', 'progress'));
