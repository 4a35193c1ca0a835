-- Issue 22: accounts have a lifecycle. A password set by an administrator must be changed at first sign-in;
-- a reset of someone's password or second factor is asked for by one administrator and carried out only when a
-- second approves it, and the user is told (account_notice) at their next sign-in.
alter table app_user add column must_change_password boolean not null default false;

create table account_reset_request (
    id           bigint generated always as identity primary key,
    username     text        not null references app_user (username) on delete cascade,
    kind         text        not null check (kind in ('password', 'second-factor')),
    reason       text        not null check (length(reason) between 1 and 500),
    requested_by text        not null,
    requested_at timestamptz not null,
    state        text        not null default 'pending' check (state in ('pending', 'approved', 'withdrawn')),
    decided_by   text,
    decided_at   timestamptz,
    check (decided_by is null or decided_by <> requested_by)
);
create unique index account_reset_one_pending on account_reset_request (username, kind) where state = 'pending';

create table account_notice (
    id       bigint generated always as identity primary key,
    username text        not null references app_user (username) on delete cascade,
    at       timestamptz not null,
    text     text        not null,
    seen_at  timestamptz
);
create index account_notice_user on account_notice (username, at);
