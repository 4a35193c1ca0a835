-- Issue 10: the National Learning Network. One schema for both modes: a force instance uses the
-- network_* tables (its identity, the hub it belongs to, what it sent, its tokens and the notices it
-- received); the hub (serve --mode hub) uses the hub_* tables. No personal data is stored on the hub:
-- counts already suppressed, Bloom-filter encodings and the forces' opaque tokens.

-- This instance's signing key (a force's, or the hub's). The private key is encrypted (FieldCipher).
create table network_identity (
    id          integer primary key check (id = 1),
    sender      text not null,
    public_key  text not null,
    private_key text not null,
    created_at  timestamptz not null default now()
);

-- Force side: the hub this force belongs to.
create table network_link (
    id                  integer primary key check (id = 1),
    hub_url             text,
    hub_public_key      text,
    contact             text,
    registration_status text not null default 'not_registered'
        check (registration_status in ('not_registered', 'requested', 'approved')),
    registered_at       timestamptz,
    linkage_secret      text,
    linkage_key_id      text,
    next_sequence       bigint not null default 1,
    updated_by          text,
    updated_at          timestamptz
);

-- Force side: every file the force signed, and what became of it.
create table network_submission (
    id          bigint generated always as identity primary key,
    kind        text   not null check (kind in ('benchmark', 'encodings', 'notices-request')),
    sequence    bigint not null unique,
    envelope_id text   not null,
    via         text   not null check (via in ('https', 'file')),
    outcome     text   not null,
    detail      text,
    signed_by   text   not null,
    signed_at   timestamptz not null default now()
);

-- Force side: the opaque token sent for each suspect record; only this force can turn one back into a person.
create table network_token (
    token     text primary key,
    person_id text not null unique
);

-- Force side: "a suspect of yours may also be known to force X", as the hub last reported.
create table network_notice (
    token          text not null,
    other_force    text not null,
    other_name     text not null,
    other_contact  text,
    score          numeric(5, 4) not null,
    found_at       timestamptz not null,
    received_at    timestamptz not null default now(),
    primary key (token, other_force)
);

-- Hub: forces that asked to join, and whether the national team approved them.
create table hub_force (
    force_code    text primary key check (force_code ~ '^[A-Z0-9]{2,8}$'),
    name          text not null,
    public_key    text not null,
    contact       text not null,
    peer_group    text,
    status        text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
    requested_at  timestamptz not null default now(),
    decided_by    text,
    decided_at    timestamptz,
    last_sequence bigint not null default 0
);

-- Hub: every file received, accepted or refused with the reason (the force is as the file claimed).
create table hub_receipt (
    id          bigint generated always as identity primary key,
    received_at timestamptz not null default now(),
    sender      text,
    kind        text,
    sequence    bigint,
    envelope_id text,
    via         text not null check (via in ('https', 'file')),
    accepted    boolean not null,
    reason      text,
    received_by text
);
create unique index hub_receipt_accepted_once on hub_receipt (envelope_id) where accepted;

-- Hub: the counts of each force's latest benchmark, exactly as published (suppressed in the force).
create table hub_benchmark (
    force_code    text not null references hub_force (force_code),
    quarter       text not null,
    offence_group text not null,
    measure       text not null,
    shown         text not null check (shown ~ '^([0-9]+|<5|\[c\])$'),
    receipt_id    bigint not null references hub_receipt (id),
    primary key (force_code, quarter, offence_group, measure)
);

-- Hub: each force's latest encodings, and the pairs found between forces.
create table hub_encoding (
    force_code text  not null references hub_force (force_code),
    token      text  not null,
    key_id     text  not null,
    filters    bytea not null,
    primary key (force_code, token)
);

create table hub_match (
    force_a  text not null references hub_force (force_code),
    token_a  text not null,
    force_b  text not null references hub_force (force_code),
    token_b  text not null,
    score    numeric(5, 4) not null,
    found_at timestamptz not null default now(),
    primary key (force_a, token_a, force_b, token_b),
    check (force_a <> force_b)
);

-- Hub: the practice library.
create table hub_practice (
    id              bigint generated always as identity primary key,
    force_code      text not null,
    title           text not null check (length(title) between 1 and 200),
    what            text not null,
    why             text not null,
    evidence        text not null,
    contact         text not null,
    pillar          integer not null check (pillar between 1 and 6),
    status          text not null default 'submitted' check (status in ('submitted', 'published', 'returned',
                        'withdrawn')),
    submitted_by    text not null,
    submitted_at    timestamptz not null default now(),
    moderated_by    text,
    moderated_at    timestamptz,
    moderation_note text,
    search          tsvector generated always as (to_tsvector('english', title || ' ' || what || ' ' || why || ' '
                        || evidence)) stored
);
create index hub_practice_search on hub_practice using gin (search);

create table hub_practice_file (
    id           bigint generated always as identity primary key,
    practice_id  bigint not null references hub_practice (id),
    file_name    text   not null,
    content_type text   not null,
    size_bytes   integer not null,
    sha256       text   not null,
    content      bytea  not null,
    uploaded_by  text   not null,
    uploaded_at  timestamptz not null default now()
);

create table hub_practice_comment (
    id          bigint generated always as identity primary key,
    practice_id bigint not null references hub_practice (id),
    force_code  text,
    author      text not null,
    body        text not null check (length(body) between 1 and 2000),
    created_at  timestamptz not null default now(),
    hidden_by   text,
    hidden_reason text,
    check ((hidden_by is null) = (hidden_reason is null))
);

create table hub_practice_trying (
    practice_id bigint not null references hub_practice (id),
    force_code  text   not null,
    marked_by   text   not null,
    marked_at   timestamptz not null default now(),
    primary key (practice_id, force_code)
);
