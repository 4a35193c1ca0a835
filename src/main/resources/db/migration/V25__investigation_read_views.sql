-- The case record's published views (issue 20, ADR 21). The investigation feature owns crime, person,
-- case_person and event; every other feature reads and writes them through these views, never by the
-- tables' names, so that the tables can change behind them and ArchitectureTest can prove it.
--   * security_invoker: the view runs as the user who queries it, so row-level security (ADR 17) applies
--     exactly as it does to the tables: a user sees through the view what they would see in the table.
--   * Each is a plain view of its table, so PostgreSQL inlines it (the same plan as the table) and it is
--     updatable (INSERT ... ON CONFLICT, UPDATE, DELETE) for the importer and the features that record events.
--   * A migration that adds a column to one of the tables recreates its view (create or replace view ...
--     select * ...), or the column stays out of sight of the other features.
create view investigation_crime with (security_invoker = true) as select * from crime;
create view investigation_person with (security_invoker = true) as select * from person;
create view investigation_case_person with (security_invoker = true) as select * from case_person;
create view investigation_event with (security_invoker = true) as select * from event;
