-- Issue 28: a force's guidance marked "share with the network" reaches the hub's practice library, moderated as
-- practice is. The practice keeps which of the force's documents it came from and at which version, so that a new
-- version goes back to moderation and a document no longer shared is withdrawn.
alter table hub_practice add column guidance_document bigint;
alter table hub_practice add column guidance_version int;
create unique index hub_practice_from_guidance on hub_practice (force_code, guidance_document)
    where guidance_document is not null;

alter table network_submission drop constraint network_submission_kind_check;
alter table network_submission add constraint network_submission_kind_check
    check (kind in ('benchmark', 'encodings', 'notices-request', 'checkpoint', 'progress', 'guidance'));
