-- Issue 11: research projects a force lead approves, who belongs to them, and every extract made (each is
-- also a disclosure in the audit log). Each project has its own random key for its pseudonyms, stored
-- encrypted, so two projects' extracts cannot be joined.
create table research_project (
    id             bigint generated always as identity primary key,
    ref            uuid    not null unique,
    force_code     text    not null references force (force_code),
    title          text    not null check (length(title) between 1 and 200),
    purpose        text    not null,
    lawful_basis   text    not null check (lawful_basis in ('part3_law_enforcement', 'gdpr_public_task_research')),
    period_from    date    not null,
    period_to      date    not null check (period_to >= period_from),
    offence_groups text[]  not null,
    k              integer not null default 5 check (k between 2 and 100),
    ends_on        date    not null,
    project_key    text    not null,
    status         text    not null default 'proposed' check (status in ('proposed', 'approved', 'closed')),
    created_by     text    not null,
    created_at     timestamptz not null default now(),
    approved_by    text,
    approved_at    timestamptz,
    closed_at      timestamptz
);

create table research_member (
    project_id bigint not null references research_project (id),
    username   text   not null,
    primary key (project_id, username)
);

create table research_extract (
    id          bigint generated always as identity primary key,
    project_id  bigint  not null references research_project (id),
    made_by     text    not null,
    made_at     timestamptz not null default now(),
    rows        integer not null,
    suppressed  integer not null,
    k           integer not null,
    levels      text    not null
);
