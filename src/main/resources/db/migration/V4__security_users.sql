-- Local accounts. Demo accounts are created only in demo mode.
create table app_user (
    username      text primary key,
    display_name  text    not null,
    role          text    not null,
    password_hash text    not null,
    force_code    text,
    team_code     text,
    officer_code  text,
    demo          boolean not null default false,
    enabled       boolean not null default true
);
