-- Issue 8, part 4: the improvement plan. Actions from the deep dive's and the assessment's findings, each
-- with an owner, a due date, a pillar, a linked measure and the date it went live (to compare the measure
-- before and after), a RAG status, and dated progress updates.
create table improvement_action (
    id           bigint generated always as identity primary key,
    force_code   text    not null references force (force_code),
    title        text    not null check (length(title) between 1 and 200),
    description  text    not null,
    pillar       integer not null check (pillar between 1 and 6),
    owner        text    not null,
    due_on       date    not null,
    measure      text    check (measure in ('charge_rate', 'victim_does_not_support_rate', 'cps_charge_rate',
                     'victims_code_compliance', 'repeat_suspect_share')),
    live_on      date,
    rag          text    not null default 'amber' check (rag in ('red', 'amber', 'green')),
    done_on      date,
    created_by   text    not null,
    created_at   timestamptz not null default now()
);

create table improvement_update (
    id          bigint generated always as identity primary key,
    action_id   bigint not null references improvement_action (id),
    updated_on  date   not null,
    rag         text   not null check (rag in ('red', 'amber', 'green')),
    note        text   not null,
    evidence    text,
    updated_by  text   not null,
    recorded_at timestamptz not null default now()
);
