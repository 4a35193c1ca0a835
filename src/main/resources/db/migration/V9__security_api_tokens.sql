-- Personal access tokens for the API: shown once, stored as a SHA-256 hash (the token carries 256
-- random bits, so a slow hash adds nothing), scoped, expiring and revocable.
create table api_token (
    id           bigint generated always as identity primary key,
    username     text        not null references app_user (username) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    token_hash   text        not null unique,
    -- The first characters of the token, so its owner can tell their tokens apart.
    prefix       text        not null,
    scopes       text[]      not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    check (expires_at > created_at)
);

create index api_token_user on api_token (username);
