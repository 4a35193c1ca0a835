-- Issue 23, ADR 24: a force keeps every benchmark release it signed, as signed, so that each new release is
-- suppressed together with all the earlier ones an attacker at the hub (or anyone they were shared with) holds.
alter table network_submission add column envelope text;
