-- Every import run, its counts per file, and every rejected row with the reason, so that nothing is lost.
create table import_run (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    run_by       text        not null,
    source       text        not null,
    checksum     text        not null,
    status       text        not null check (status in ('running', 'completed', 'failed')),
    message      text
);

create table import_file_count (
    run_id     bigint not null references import_run (id) on delete cascade,
    file_name  text   not null,
    rows_read  integer not null,
    inserted   integer not null,
    updated    integer not null,
    unchanged  integer not null,
    superseded integer not null,
    rejected   integer not null,
    primary key (run_id, file_name)
);

create table import_problem (
    run_id      bigint  not null references import_run (id) on delete cascade,
    seq         integer not null,
    file_name   text    not null,
    line        integer not null,
    column_name text,
    value       text,
    reason      text    not null,
    -- A rejection (the row was not applied) or a warning (file-level, nothing rejected).
    rejection   boolean not null,
    primary key (run_id, seq)
);
