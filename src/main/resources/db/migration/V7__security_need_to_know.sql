-- Need-to-know (issue 3): the teams a user works in or supervises, time-limited grants from a
-- supervisor, the named users of restricted crimes, and break-glass access with its written reason.
-- Sign-in: Argon2id hashes (in password_hash), a TOTP second factor with one-time recovery codes,
-- and lockout after repeated failures.
create table user_team (
    username   text not null references app_user (username) on delete cascade,
    force_code text not null,
    team_code  text not null,
    relation   text not null check (relation in ('member', 'supervisor')),
    primary key (username, force_code, team_code, relation)
);

create index user_team_team on user_team (force_code, team_code, relation);

insert into user_team (username, force_code, team_code, relation)
select username, force_code, team_code, case when role = 'supervisor' then 'supervisor' else 'member' end
from app_user where force_code is not null and team_code is not null;

create table case_access_grant (
    id          bigint generated always as identity primary key,
    crime_id    bigint      not null references crime (id),
    username    text        not null references app_user (username),
    granted_by  text        not null references app_user (username),
    reason      text        not null check (length(reason) between 10 and 2000),
    granted_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    revoked_by  text references app_user (username),
    check (expires_at > granted_at)
);

create index case_access_grant_user on case_access_grant (username, expires_at) where revoked_at is null;
create index case_access_grant_crime on case_access_grant (crime_id);

create table restricted_access (
    crime_id  bigint      not null references crime (id),
    username  text        not null references app_user (username),
    named_by  text        not null,
    named_at  timestamptz not null,
    primary key (crime_id, username)
);

create index restricted_access_user on restricted_access (username);

create table break_glass (
    id           bigint generated always as identity primary key,
    crime_id     bigint      not null references crime (id),
    username     text        not null references app_user (username),
    reason       text        not null check (length(reason) between 20 and 2000),
    started_at   timestamptz not null,
    expires_at   timestamptz not null,
    reviewed_by  text,
    reviewed_at  timestamptz,
    review_note  text
);

create index break_glass_user on break_glass (username, expires_at);
create index break_glass_unreviewed on break_glass (started_at) where reviewed_at is null;

alter table app_user
    add column totp_secret      text,
    add column totp_enabled_at  timestamptz,
    -- The last 30-second step whose code was accepted, so that a code cannot be used twice.
    add column totp_last_step   bigint,
    add column failed_sign_ins  integer not null default 0,
    add column locked_until     timestamptz,
    add column last_sign_in_at  timestamptz,
    add column created_at       timestamptz not null default now();

create table recovery_code (
    username   text not null references app_user (username) on delete cascade,
    code_hash  text not null,
    used_at    timestamptz,
    primary key (username, code_hash)
);

-- Sign-in attempts by source address, for throttling guessing across many accounts.
create table sign_in_attempt (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    username        text not null,
    source_address  text,
    succeeded       boolean not null
);

create index sign_in_attempt_source on sign_in_attempt (source_address, at desc);
