-- Issue 24: work that finds people. A person may ask for their work by e-mail: a daily summary, messages straight
-- away when work becomes overdue or due today, or both. A message says how much work of each kind there is and
-- links to the page where it is done; it never carries a name, a reference or a case detail. Each message sent
-- (or that failed) is recorded.
create table alert_choice (
    username       text        primary key references app_user (username) on delete cascade,
    email          text        not null check (length(email) between 3 and 254),
    daily          boolean     not null,
    immediate      boolean     not null,
    chosen_at      timestamptz not null,
    -- The day the last daily summary was dealt with (sent, or nothing to send), in the force's time zone.
    daily_done_on  date,
    -- The counts of the urgent kinds the person was last told about ("OVERDUE:homeWork.reviewsOverdue" -> 3);
    -- null until the first check after choosing, which only takes note of them.
    urgent_told    jsonb,
    check (daily or immediate)
);

create table alert_message (
    id        bigint      generated always as identity primary key,
    username  text        not null references app_user (username) on delete cascade,
    kind      text        not null check (kind in ('daily', 'immediate', 'test')),
    email     text        not null,
    subject   text        not null,
    lines     int         not null,
    sent_at   timestamptz not null,
    outcome   text        not null check (outcome in ('sent', 'failed')),
    failure   text
);
create index alert_message_user on alert_message (username, sent_at desc);

-- The counts of each kind of work a person saw when they last opened their home page, so that the next visit can
-- say what is new since (the in-app notice).
create table home_seen (
    username text        primary key references app_user (username) on delete cascade,
    counts   jsonb       not null,
    seen_at  timestamptz not null
);
