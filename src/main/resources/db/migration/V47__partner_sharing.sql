-- Partners in the case (issue 27, ADR 32): a CPS area's RASSO unit, an ISVA service or a SARC is a partner
-- organisation of the force; its people sign in as partner users (roles cps-prosecutor and isva) and see a crime
-- only while an officer's recorded act of sharing lasts, and of it only the parts shared. PostgreSQL enforces
-- both, as it does need-to-know (ADR 17): a partner user's connection carries soteria.cases = 'partner'.

create table partner_org (
    code        text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    force_code  text not null references force (force_code),
    kind        text not null check (kind in ('cps', 'isva', 'sarc')),
    name        text not null check (length(name) between 2 and 200),
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);

alter table app_user add column partner_org text references partner_org (code);

-- An officer's act of sharing one crime with one partner organisation: what (parts), on which lawful basis, and
-- for victim services the victim's consent, recorded and withdrawable. A share lasts until it is ended by hand or
-- the consent is withdrawn; while the crime is closed (an outcome other than a charge) or restricted it gives no
-- access unless it was made for that state (reauthorised, with its reason).
create table case_share (
    id                    bigint generated always as identity primary key,
    crime_id              bigint      not null references crime (id),
    force_code            text        not null references force (force_code),
    partner_org           text        not null references partner_org (code),
    parts                 text[]      not null check (cardinality(parts) between 1 and 5
                                          and parts <@ array['file', 'plan', 'timeline', 'contact_plan', 'key_dates']),
    lawful_basis          text        not null check (lawful_basis in ('law_enforcement', 'consent',
                                          'vital_interests', 'legal_obligation')),
    consent_given_on      date,
    consent_withdrawn_at  timestamptz,
    consent_withdrawn_by  text references app_user (username),
    reauthorised          boolean     not null default false,
    reason                text        check (reason is null or length(reason) between 10 and 2000),
    shared_by             text        not null references app_user (username),
    shared_at             timestamptz not null default now(),
    ended_at              timestamptz,
    ended_by              text references app_user (username),
    end_reason            text        check (end_reason is null or length(end_reason) between 3 and 2000),
    constraint case_share_ended check ((ended_at is null) = (ended_by is null) and (ended_at is null) = (end_reason is null)),
    constraint case_share_withdrawn check ((consent_withdrawn_at is null) = (consent_withdrawn_by is null)),
    constraint case_share_consent check (lawful_basis <> 'consent' or consent_given_on is not null),
    constraint case_share_reauthorised check (not reauthorised or reason is not null)
);

create index case_share_crime on case_share (crime_id);
create index case_share_partner on case_share (partner_org, crime_id)
    where ended_at is null and consent_withdrawn_at is null;

-- Shares: the force's officers see their force's; a partner user sees their organisation's alone. (Not through
-- crime, whose own policy reads this table.)
alter table case_share enable row level security;
create policy case_share_whole_force on case_share to soteria_whole_force using (true) with check (true);
create policy case_share_own on case_share to public using (
    force_code = (select u.force_code from app_user u where u.username = current_setting('soteria.user', true))
    and partner_org = coalesce((select u.partner_org from app_user u
                                where u.username = current_setting('soteria.user', true)), partner_org));

-- A partner user sees a crime shared with their organisation by a share that lasts: while the crime is open,
-- charged, and not restricted; otherwise only by a share made for that state.
create policy crime_partner on crime to public using (
    current_setting('soteria.cases', true) = 'partner'
    and (id = any (array(select s.crime_id from case_share s
                         where s.reauthorised and s.ended_at is null and s.consent_withdrawn_at is null
                           and s.partner_org = (select u.partner_org from app_user u
                                                where u.username = current_setting('soteria.user', true))))
         or (not restricted and (outcome_code is null or outcome_group = 'charged')
             and id = any (array(select s.crime_id from case_share s
                                 where s.ended_at is null and s.consent_withdrawn_at is null
                                   and s.partner_org = (select u.partner_org from app_user u
                                                        where u.username = current_setting('soteria.user', true)))))));

-- Whether the connection's user may see a record of this crime in one of these parts: everyone but a partner
-- user may (their other policies decide); a partner user only when a lasting share of their organisation names one
-- of the parts. Records no part covers give partners nothing.
create function partner_sees(crime bigint, wanted text[]) returns boolean language sql stable as $$
    select current_setting('soteria.cases', true) is distinct from 'partner'
        or exists (select 1 from case_share s
                   where s.crime_id = crime and s.ended_at is null and s.consent_withdrawn_at is null
                     and s.parts && wanted
                     and s.partner_org = (select u.partner_org from app_user u
                                          where u.username = current_setting('soteria.user', true)))
$$;

-- The parts each table belongs to (restrictive: added to the need-to-know policies, never widening them). The
-- victim is in every part a victim service may have; the suspect and witnesses only in the CPS's file.
create policy case_person_partner on case_person as restrictive to public using (
    partner_sees(crime_id, case when role = 'victim' then array['file', 'contact_plan', 'key_dates']
                                else array['file'] end));
create policy event_partner on event as restrictive to public using (
    partner_sees(crime_id, case when event_type in ('arrest', 'interview_under_caution', 'bail', 'bail_change',
                                                    'released_under_investigation', 'charge', 'nfa_decision',
                                                    'out_of_court_disposal', 'decision_not_to_investigate',
                                                    'court_outcome')
                                then array['timeline', 'key_dates'] else array['timeline'] end));
create policy victim_contact_plan_partner on victim_contact_plan as restrictive to public using (
    partner_sees(crime_id, array['contact_plan']));

do $$
declare
    t text;
begin
    foreach t in array array['crime_stage', 'enquiry_line', 'bail_period']
    loop
        execute format('create policy %I on %I as restrictive to public using (partner_sees(crime_id, array[''plan'']))',
                       t || '_partner', t);
    end loop;
    foreach t in array array['cps_readiness', 'cps_action', 'cps_submission']
    loop
        execute format('create policy %I on %I as restrictive to public using (partner_sees(crime_id, array[''file'']))',
                       t || '_partner', t);
    end loop;
    -- Records of a crime no part covers: the victim's own words and contacts, supervisors' reviews, requests for
    -- the victim's material, devices, the deep dive's reviews and the retention decisions.
    foreach t in array array['victim_feedback', 'victim_contact', 'vrr_request', 'feedback_invitation',
                             'supervisor_review', 'material_request', 'device_exhibit', 'case_sample_crime',
                             'case_file_review', 'case_file_settlement', 'retention_decision']
    loop
        execute format('create policy %I on %I as restrictive to public using '
                       || '(current_setting(''soteria.cases'', true) is distinct from ''partner'')', t || '_partner', t);
    end loop;
    -- People's other records (orders, breaches, linkage) and the retention tombstones: never for partners.
    foreach t in array array['civil_order', 'order_breach', 'person_link', 'person_cluster', 'person_identity',
                             'retention_deletion']
    loop
        execute format('create policy %I on %I as restrictive to public using '
                       || '(current_setting(''soteria.cases'', true) is distinct from ''partner'')', t || '_partner', t);
    end loop;
end $$;
