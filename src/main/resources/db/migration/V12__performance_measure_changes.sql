-- Crimes whose facts an import changed (the crime itself, its people, events or feedback), so that the
-- measures engine can replace just those crimes in its in-memory snapshot within seconds (ADR 9).
-- Rows are pruned by the importer after a day; an engine that falls further behind reloads in full.
create table measure_change (
    seq        bigint generated always as identity primary key,
    crime_id   bigint      not null,
    changed_at timestamptz not null default now()
);
