-- The s.62 audit log becomes a hash chain (ADR 5). Each record holds the SHA-256 of the previous
-- record's hash and its own canonical content, so an edited, deleted, reordered or inserted record
-- breaks the chain; signed checkpoints catch a cut-off tail. The application's role may only add
-- and read (afterMigrate.sql), and triggers refuse UPDATE, DELETE and TRUNCATE for everyone, owner
-- included, unless the owner first disables them, which needs the owner's credentials.
--
-- The entries written before this version carried no hashes; they are kept, unchanged and read-only,
-- in audit_event_unchained.
alter table audit_event rename to audit_event_unchained;
alter index audit_event_at rename to audit_event_unchained_at;

create table audit_event (
    seq            bigint      primary key check (seq > 0),
    at             timestamptz not null,
    username       text        not null,
    user_role      text,
    action         text        not null,
    -- The processing operation of DPA 2018 s.62(1): collection, alteration, consultation, disclosure,
    -- combination or erasure; "security" for sign-in and account events.
    operation      text        not null check (operation in ('collection', 'alteration', 'consultation',
                                                               'disclosure', 'combination', 'erasure', 'security')),
    object_type    text        not null,
    object_ref     text,
    -- Every record the action touched (for a list page, each crime shown), as force:reference.
    records        text[]      not null default '{}',
    -- Why the user could see it: their part in the case, a grant, or the break-glass reason.
    justification  text,
    break_glass    boolean     not null default false,
    source_address text,
    request_id     text,
    detail         text,
    prev_hash      bytea       not null check (length(prev_hash) = 32),
    hash           bytea       not null check (length(hash) = 32)
);

-- Every index costs each page that writes a record (docs/benchmarks.md), so there are few: time is in
-- step with seq, so a BRIN index serves date ranges almost for free; username serves the auditor's
-- search. A GIN index on records cost pages a measured 10-15% under load, so the records an entry
-- touched are indexed apart, in batches, by AuditIndexer (audit_record_ref); searches read that index
-- up to its watermark and scan only the few newer entries, so they stay exact.
create index audit_event_at on audit_event using brin (at);
create index audit_event_user_at on audit_event (username, seq desc);
create index audit_event_break_glass on audit_event (seq desc) where break_glass;

-- Derived from audit_event and rebuilt from it at will: not part of the evidence.
create table audit_record_ref (
    ref text   not null,
    seq bigint not null,
    primary key (ref, seq)
);

create table audit_index_state (
    id          int    primary key check (id = 1),
    indexed_seq bigint not null
);
insert into audit_index_state values (1, 0);

-- Signed statements "the log held seq records ending in hash at this time", written periodically.
create table audit_checkpoint (
    seq        bigint      primary key,
    hash       bytea       not null,
    at         timestamptz not null,
    key_id     text        not null,
    signature  bytea       not null
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
create trigger audit_event_unchained_append_only before update or delete on audit_event_unchained
    for each row execute function audit_refuse_change();
