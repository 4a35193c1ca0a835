-- Need-to-know enforced by PostgreSQL itself (issue 20, ADR 17). Every table that holds a crime or a
-- person, or a record hanging from one, has row-level security:
--   * the application's role, acting for a signed-in user (settings soteria.user and soteria.cases,
--     given to each connection by platform.DataScope), sees a crime only within need-to-know, and a
--     record hanging from a crime only when it sees the crime (the policies ask "can I see the crime?"
--     and the crime's own policy answers, so the rule is written once);
--   * the role soteria_whole_force, which the application switches to for the named whole-force readers
--     (measures, linkage, export, import, aggregates; ADR 17), sees every row.
-- The schema's owner bypasses row-level security, so migrations and the owner's maintenance see all.
-- The rule is the one of security.NeedToKnow.rule; NeedToKnowRlsIT proves the two agree row by row.

do $$
begin
    if not exists (select from pg_roles where rolname = 'soteria_whole_force') then
        create role soteria_whole_force nologin nosuperuser nocreatedb nocreaterole noinherit;
    end if;
exception when insufficient_privilege then
    raise exception 'Soteria needs a database role named soteria_whole_force (NOLOGIN), granted to the '
        'application''s role without inheritance; ask the database administrator to create it (docs/adr/0017)';
end $$;

-- Whether the signed-in user may see a crime row: the crime's own columns against the user's force,
-- officer code, teams, grants, break-glass and (for restricted crimes) naming. The sub-selects are
-- uncorrelated, so PostgreSQL works each out once per query, not once per row.
alter table crime enable row level security;
create policy crime_whole_force on crime to soteria_whole_force using (true) with check (true);
create policy crime_need_to_know on crime to public using (
    current_setting('soteria.cases', true) = 'on'
    and force_code = (select u.force_code from app_user u where u.username = current_setting('soteria.user', true))
    and case when restricted then
            id = any (array(select r.crime_id from restricted_access r
                            where r.username = current_setting('soteria.user', true)))
        else
            officer_code = (select u.officer_code from app_user u where u.username = current_setting('soteria.user', true))
            or team_code = any (array(select t.team_code from user_team t
                                      where t.username = current_setting('soteria.user', true)))
            or id = any (array(select g.crime_id from case_access_grant g
                               where g.username = current_setting('soteria.user', true)
                                 and g.revoked_at is null and g.expires_at > now()))
            or id = any (array(select b.crime_id from break_glass b
                               where b.username = current_setting('soteria.user', true) and b.expires_at > now()))
        end);

-- Records that hang from a crime: seen when the crime is.
do $$
declare
    t text;
begin
    foreach t in array array['case_person', 'event', 'victim_feedback', 'victim_contact_plan', 'victim_contact',
                             'vrr_request', 'feedback_invitation', 'crime_stage', 'enquiry_line', 'supervisor_review',
                             'material_request', 'device_exhibit', 'bail_period', 'cps_readiness', 'cps_action',
                             'cps_submission']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy %I on %I to soteria_whole_force using (true) with check (true)',
                       t || '_whole_force', t);
        execute format('create policy %I on %I to public using '
                       || '(exists (select 1 from crime c where c.id = %I.crime_id))', t || '_need_to_know', t, t);
    end loop;
end $$;

-- People: seen when one of the crimes they are recorded in is; their civil orders and breaches with them.
alter table person enable row level security;
create policy person_whole_force on person to soteria_whole_force using (true) with check (true);
create policy person_need_to_know on person to public using (
    exists (select 1 from case_person cp where cp.person_ref = person.id));

do $$
declare
    t text;
begin
    foreach t in array array['civil_order', 'order_breach']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy %I on %I to soteria_whole_force using (true) with check (true)',
                       t || '_whole_force', t);
    end loop;
end $$;
create policy civil_order_need_to_know on civil_order to public using (
    exists (select 1 from person p where p.id = civil_order.person_ref));
create policy order_breach_need_to_know on order_breach to public using (
    exists (select 1 from civil_order o where o.force_code = order_breach.force_code
                                          and o.order_id = order_breach.order_id));
