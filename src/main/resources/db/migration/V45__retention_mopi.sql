-- Issue 29: retention under the Management of Police Information (MoPI). Each offence code falls in a MoPI group
-- (docs/retention.md): the RASSO codes are all sexual offences of Schedule 15 to the Criminal Justice Act 2003, so
-- Group 1, "certain public protection matters". Codes a force adds are Group 2 until it says otherwise.
alter table offence_code add column mopi_group smallint not null default 2 check (mopi_group in (1, 2, 3));
update offence_code set mopi_group = 1
    where code in ('19C', '19D', '19E', '19F', '19G', '19H', '17A', '17B', '20A', '20B', '21', '22A', '22B', '23',
                   '70', '71', '72', '73', '88A');

-- A records manager's review of a crime record: retained (with the reason and the next review date) or deleted.
-- No personal data: the reason is the manager's own words, and the crime is named by its internal number only,
-- which stays when the record is deleted.
create table retention_decision (
    id            bigint generated always as identity primary key,
    force_code    text        not null,
    crime_id      bigint      not null,
    mopi_group    smallint    not null check (mopi_group in (1, 2, 3)),
    decision      text        not null check (decision in ('retain', 'delete')),
    reason        text        not null check (length(reason) between 1 and 2000),
    next_review   date,
    decided_by    text        not null,
    decided_at    timestamptz not null default now(),
    check ((decision = 'retain') = (next_review is not null))
);
create index retention_decision_crime on retention_decision (crime_id, decided_at desc);
create index retention_decision_force on retention_decision (force_code, decided_at desc);

-- What is left of a deleted record: enough to say how many of a month's crimes are no longer counted, nothing about
-- anyone in them.
create table retention_deletion (
    decision_id    bigint   primary key references retention_decision (id),
    force_code     text     not null,
    offence_group  text     not null,
    recorded_month date     not null check (extract(day from recorded_month) = 1),
    deleted_on     date     not null,
    people_deleted integer  not null,
    rows_deleted   integer  not null
);
create index retention_deletion_month on retention_deletion (force_code, recorded_month);

alter table retention_decision enable row level security;
create policy retention_decision_whole_force on retention_decision to soteria_whole_force using (true) with check (true);
create policy retention_decision_own_force on retention_decision to public using (
    force_code = (select u.force_code from app_user u where u.username = current_setting('soteria.user', true)));
alter table retention_deletion enable row level security;
create policy retention_deletion_whole_force on retention_deletion to soteria_whole_force using (true) with check (true);
create policy retention_deletion_own_force on retention_deletion to public using (
    force_code = (select u.force_code from app_user u where u.username = current_setting('soteria.user', true)));
