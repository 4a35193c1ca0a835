-- Issue 22: the hub as a second witness of each force's audit log. It keeps the latest signed checkpoint each force
-- sends and answers with it, so a force's log cut together with its checkpoints (and its witness file) is still
-- seen: the hub's copy names a record the force's log no longer reaches.
create table hub_checkpoint (
    force_code  text primary key references hub_force (force_code),
    seq         bigint      not null check (seq >= 1),
    hash        text        not null,
    at          text        not null,
    key_id      text        not null,
    signature   text        not null,
    received_at timestamptz not null default now()
);

-- A force records the checkpoints it sends like its other files.
alter table network_submission drop constraint network_submission_kind_check;
alter table network_submission add constraint network_submission_kind_check
    check (kind in ('benchmark', 'encodings', 'notices-request', 'checkpoint'));
