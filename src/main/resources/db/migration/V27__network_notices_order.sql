-- Issue 22: a force refuses a notices file older than the last one it took (a stale or replayed file would
-- otherwise replace newer notices). The hub numbers its notices files by the time it made them.
alter table network_link add column last_notices_sequence bigint not null default 0;
