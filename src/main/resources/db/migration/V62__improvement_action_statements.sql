-- Issue 26: an improvement action can set out to move what officers say as well as a measure: it is linked to any of
-- the officer survey's statements (by code), and its page reads each in the closed waves before and after it went live.
create table improvement_action_statement (
    action_id bigint not null references improvement_action (id),
    statement text   not null check (statement ~ '^[A-Z][0-9]{1,2}$'),
    primary key (action_id, statement)
);
