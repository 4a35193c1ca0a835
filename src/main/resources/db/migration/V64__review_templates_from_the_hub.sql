-- Review templates come from the national hub as frameworks do (issue 28, ADR 43 revised): a version a force accepted
-- from the hub's file is 'national'; one its own coordinator made here is 'local'. The two versions every Soteria
-- was born with are the national programme's.
alter table review_template add column source text not null default 'local' check (source in ('local', 'national'));
update review_template set source = 'national' where created_by = 'soteria';
