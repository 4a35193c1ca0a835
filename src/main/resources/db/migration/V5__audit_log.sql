-- Who looked at, exported or changed personal data, when and why (DPA 2018 s.62).
create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    username    text        not null,
    action      text        not null,
    object_type text        not null,
    object_ref  text,
    detail      text
);

create index audit_event_at on audit_event (at desc);
