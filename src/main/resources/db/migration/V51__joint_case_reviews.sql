-- Joint case reviews (issue 27; the Joint National RASSO Action Plan): each month the police and a CPS unit review a
-- sample of the live files shared with it, each side writing its note on each case. The sample is drawn once, when
-- the month's review is opened, from the files the unit has then (a deterministic order by month, so it can be
-- explained), and is never redrawn.

create table joint_review (
    id            bigint generated always as identity primary key,
    force_code    text        not null references force (force_code),
    partner_org   text        not null references partner_org (code),
    month         date        not null check (extract(day from month) = 1),
    opened_by     text        not null references app_user (username),
    opened_at     timestamptz not null default now(),
    unique (partner_org, month)
);

create table joint_review_case (
    id            bigint generated always as identity primary key,
    review_id     bigint      not null references joint_review (id),
    crime_id      bigint      not null references crime (id),
    police_note   text,
    police_by     text        references app_user (username),
    police_at     timestamptz,
    cps_note      text,
    cps_by        text        references app_user (username),
    cps_at        timestamptz,
    unique (review_id, crime_id),
    constraint joint_review_case_police check ((police_note is null) = (police_by is null)
                                               and (police_note is null) = (police_at is null)),
    constraint joint_review_case_cps check ((cps_note is null) = (cps_by is null) and (cps_note is null) = (cps_at is null))
);

create index joint_review_case_crime on joint_review_case (crime_id);

-- The reviews of a force: its officers and the unit's own prosecutors. The cases: as the crimes are seen (need-to-know
-- for officers), and for prosecutors only their unit's reviews of files shared with it now (ADR 32).
alter table joint_review enable row level security;
create policy joint_review_whole_force on joint_review to soteria_whole_force using (true) with check (true);
create policy joint_review_force on joint_review to public using (
    force_code = (select u.force_code from app_user u where u.username = current_setting('soteria.user', true))
    and partner_org = coalesce((select u.partner_org from app_user u
                                where u.username = current_setting('soteria.user', true)), partner_org));

alter table joint_review_case enable row level security;
create policy joint_review_case_whole_force on joint_review_case to soteria_whole_force using (true) with check (true);
create policy joint_review_case_need_to_know on joint_review_case to public using (
    exists (select 1 from crime c where c.id = joint_review_case.crime_id)
    and exists (select 1 from joint_review r where r.id = joint_review_case.review_id));
create policy joint_review_case_partner on joint_review_case as restrictive to soteria_partner using (
    partner_sees(crime_id, array['file']));
