-- Issue 28: assessment frameworks from the national hub (ADR 37). A version a force accepted from the hub is marked
-- national; the force keeps the hub's latest signed frameworks file, to show what changed and to accept from.
alter table framework add column source text not null default 'local' check (source in ('local', 'national'));

create table network_framework_offer (
    id        int primary key default 1 check (id = 1),
    envelope  text        not null,
    sequence  bigint      not null,
    taken_at  timestamptz not null default now(),
    taken_by  text        not null
);
