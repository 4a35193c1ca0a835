-- Issue 28: the day each force joined Operation Soteria, recorded by the national team, so that the hub can compare
-- forces that joined with forces not yet joined (staggered difference-in-differences, ADR 36). Null: not joined, or
-- not yet recorded.
alter table hub_force add column joined_on date;
