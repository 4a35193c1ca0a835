-- The CPS in the case (issue 27): a prosecutor of a CPS unit the file is shared with answers early advice, reviews a
-- referral (accepts it, returns it with the points to fix, or decides), works the joint action plan with the police,
-- and both sides record pre-charge engagement. What the prosecutor decides is a cps_decision event on the timeline,
-- exactly as a decision the officer records for a CPS area not on Soteria, so the measures count both alike.

-- A prosecutor's answer to what the police sent: the advice asked for (early advice); or, for a referral, its
-- acceptance for a decision, its return for further work (a cps_decision event further_evidence_requested) or the
-- charging decision itself (charge, no_charge), with the reasons. The text is encrypted as the rest of casework's.
create table cps_review (
    id             bigint generated always as identity primary key,
    crime_id       bigint      not null references crime (id),
    submission_id  bigint      not null references cps_submission (id),
    verdict        text        not null check (verdict in ('advice', 'accepted', 'returned', 'charge', 'no_charge')),
    reviewed_on    date        not null,
    note           text,
    event_ref      bigint      references event (id),
    reviewed_by    text        not null references app_user (username),
    reviewed_at    timestamptz not null default now(),
    constraint cps_review_note check (verdict = 'accepted' or note is not null),
    constraint cps_review_event check ((event_ref is not null) = (verdict in ('returned', 'charge', 'no_charge')))
);

-- A submission is answered once (advice, a return or a decision); an acceptance may come before its decision.
create unique index cps_review_final on cps_review (submission_id) where verdict <> 'accepted';
create unique index cps_review_accepted on cps_review (submission_id) where verdict = 'accepted';
create index cps_review_crime on cps_review (crime_id);

-- The joint action plan: each action is the police's (an officer, or the team) or the CPS's.
alter table cps_action add column owner_side text not null default 'police' check (owner_side in ('police', 'cps'));
alter table cps_action add constraint cps_action_owner check (owner_side = 'police' or owner_code is null);

-- Pre-charge engagement: a discussion with the suspect or their representative before a charging decision, who
-- started it, and what was said (encrypted).
create table cps_engagement (
    id           bigint generated always as identity primary key,
    crime_id     bigint      not null references crime (id),
    engaged_on   date        not null,
    party        text        not null check (party in ('suspect', 'representative')),
    started_by   text        not null check (started_by in ('police', 'cps', 'defence')),
    summary      text        not null,
    recorded_by  text        not null references app_user (username),
    recorded_at  timestamptz not null default now()
);

create index cps_engagement_crime on cps_engagement (crime_id);

-- Need-to-know as for the rest of casework (ADR 17); for partners, the file part alone (ADR 32).
do $$
declare
    t text;
begin
    foreach t in array array['cps_review', 'cps_engagement']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy %I on %I to soteria_whole_force using (true) with check (true)',
                       t || '_whole_force', t);
        execute format('create policy %I on %I to public using '
                       || '(exists (select 1 from crime c where c.id = %I.crime_id))', t || '_need_to_know', t, t);
        execute format('create policy %I on %I as restrictive to soteria_partner using '
                       || '(partner_sees(crime_id, array[''file'']))', t || '_partner', t);
    end loop;
end $$;

-- The CPS's own events belong to the file as well as the timeline: a prosecutor who has the file sees the referrals
-- and decisions and records their decisions.
alter policy event_partner on event using (
    partner_sees(crime_id, case when event_type in ('arrest', 'interview_under_caution', 'bail', 'bail_change',
                                                    'released_under_investigation', 'charge', 'nfa_decision',
                                                    'out_of_court_disposal', 'decision_not_to_investigate',
                                                    'court_outcome')
                                then array['timeline', 'key_dates']
                                when event_type in ('cps_early_advice', 'cps_referral', 'cps_decision')
                                then array['timeline', 'file']
                                else array['timeline'] end));
