-- Issue 26: when the reviewers of one sampled crime rate an item differently, the force lead settles the rating the
-- findings use, recorded with who settled it and when. It hangs from a crime, so row-level security as for the
-- reviews themselves (V24): the deep dive's whole-force reader, or a user who sees the crime.
create table case_file_settlement (
    sample_id  bigint not null,
    crime_id   bigint not null,
    item       text   not null check (item in ('suspect_focus', 'victim_engagement', 'proportionality', 'timeliness')),
    rating     text   not null check (rating in ('poor', 'needs_improvement', 'good', 'excellent', 'not_applicable')),
    settled_by text   not null,
    settled_at timestamptz not null default now(),
    primary key (sample_id, crime_id, item),
    foreign key (sample_id, crime_id) references case_sample_crime (sample_id, crime_id)
);

alter table case_file_settlement enable row level security;
create policy case_file_settlement_whole_force on case_file_settlement to soteria_whole_force using (true)
    with check (true);
create policy case_file_settlement_need_to_know on case_file_settlement to public using (
    exists (select 1 from crime c where c.id = case_file_settlement.crime_id));
