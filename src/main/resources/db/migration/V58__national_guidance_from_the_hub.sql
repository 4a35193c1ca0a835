-- Issue 28: national guidance and practice from the hub to forces (ADR 40).

-- The hub: each version of its published practice library, whole, as forces receive it. A version is made when the
-- library is asked for and differs from the latest one (moderation is the national team's act of publishing).
create table hub_guidance_release (
    version      integer primary key check (version >= 1),
    published_at timestamptz not null default now(),
    items        jsonb       not null
);

-- A force: the hub's guidance file is one more kind of file it takes.
alter table network_hub_file drop constraint network_hub_file_kind_check;
alter table network_hub_file add constraint network_hub_file_kind_check
    check (kind in ('frameworks', 'catalogue', 'national-guidance'));

-- A force: guidance accepted from the hub (national) beside the force's own (local). A national document keeps the
-- hub's number for it and the force that wrote it; one the hub no longer lists is withdrawn (kept, not shown).
alter table guidance_document
    add column source         text    not null default 'local' check (source in ('local', 'national')),
    add column national_id    bigint,
    add column national_force text,
    add column withdrawn      boolean not null default false;
create unique index guidance_document_national on guidance_document (national_id) where national_id is not null;

-- Practice says why it works and what the evidence is, besides what it is.
alter table guidance_version
    add column why      text,
    add column evidence text;

-- A force: each version of the hub's guidance its lead accepted, and when.
create table guidance_national_accepted (
    version     integer primary key check (version >= 1),
    accepted_at timestamptz not null default now(),
    accepted_by text        not null
);
