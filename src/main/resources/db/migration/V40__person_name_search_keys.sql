-- Issue 24, ADR 27: names are found as officers type them ("Sa Jon" finds Sarah Jones, "Smyth" finds Smith). For
-- each word of a person's names the index keeps 64-bit keyed hashes of the word, its beginnings and its sounds,
-- never text; name_keys_by names the search key that made them, so that the key can be rotated (rows made by an
-- older key are re-indexed by `soteria encryption rotate`, and searched under both keys meanwhile). Rows from
-- before this migration are indexed in the background at start-up; until then the whole-name index finds them.
alter table person add column name_keys bigint[];
alter table person add column name_keys_by text;
create index person_name_keys on person using gin (name_keys);
