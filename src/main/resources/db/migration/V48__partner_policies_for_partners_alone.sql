-- The partner policies of V47 applied to every role, so officers' and the whole-force readers' queries tested
-- partner_sees on every row of the case's tables: loading the measures snapshot at 1,000,000 crimes went from 40 s to
-- 134 s (docs/benchmarks.md). A partner user's connection now takes the role soteria_partner (ADR 32, as
-- soteria_whole_force in ADR 17: the application's role may switch to it, never inherits it), and the partner
-- policies are that role's alone. Officers and whole-force readers no longer meet them at all.

do $$
begin
    if not exists (select from pg_roles where rolname = 'soteria_partner') then
        create role soteria_partner nologin nosuperuser nocreatedb nocreaterole noinherit;
    end if;
exception when insufficient_privilege then
    raise exception 'Soteria needs a database role named soteria_partner (NOLOGIN), granted to the application''s '
        'role without inheritance; ask the database administrator to create it (docs/adr/0032)';
end $$;

alter policy crime_partner on crime to soteria_partner;
alter policy case_person_partner on case_person to soteria_partner;
alter policy event_partner on event to soteria_partner;
alter policy victim_contact_plan_partner on victim_contact_plan to soteria_partner;

do $$
declare
    t text;
begin
    foreach t in array array['crime_stage', 'enquiry_line', 'bail_period', 'cps_readiness', 'cps_action',
                             'cps_submission', 'victim_feedback', 'victim_contact', 'vrr_request', 'feedback_invitation',
                             'supervisor_review', 'material_request', 'device_exhibit', 'case_sample_crime',
                             'case_file_review', 'case_file_settlement', 'retention_decision', 'civil_order',
                             'order_breach', 'person_link', 'person_cluster', 'person_identity', 'retention_deletion']
    loop
        execute format('alter policy %I on %I to soteria_partner', t || '_partner', t);
    end loop;
end $$;
