-- Row-level security on the remaining tables that hold a person or hang from a crime (issue 20, ADR 17):
-- the deep dive's sampled crimes and file reviews, and the linkage feature's pairs, clusters and identity
-- keys. Their readers are whole-force readers named in ADR 17 (deep dive, linkage, register, measures,
-- research); a query made for a signed-in user sees a row only when it sees the crime, or every person,
-- the row is about. A pair of people is an association between them, so both must be within need-to-know.

do $$
declare
    t text;
begin
    foreach t in array array['case_sample_crime', 'case_file_review', 'person_link', 'person_cluster', 'person_identity']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy %I on %I to soteria_whole_force using (true) with check (true)',
                       t || '_whole_force', t);
    end loop;
end $$;

create policy case_sample_crime_need_to_know on case_sample_crime to public using (
    exists (select 1 from crime c where c.id = case_sample_crime.crime_id));
create policy case_file_review_need_to_know on case_file_review to public using (
    exists (select 1 from crime c where c.id = case_file_review.crime_id));
create policy person_link_need_to_know on person_link to public using (
    exists (select 1 from person p where p.id = person_link.person_a)
    and exists (select 1 from person p where p.id = person_link.person_b));
create policy person_cluster_need_to_know on person_cluster to public using (
    exists (select 1 from person p where p.id = person_cluster.person_ref));
create policy person_identity_need_to_know on person_identity to public using (
    exists (select 1 from person p where p.id = person_identity.person_ref));
