-- An ISVA beside the victim (issue 27): what an adviser of a victim service records in a case shared with it, within
-- the victim's consent: support contacts (the notes are the service's own: officers see that and when, never what),
-- concerns the officer sees at once and acknowledges (a risk, safeguarding, the victim considering withdrawal), and
-- questions to the officer, answered in the case. And the milestones (key dates) passed on to the victim.

create table isva_note (
    id            bigint generated always as identity primary key,
    crime_id      bigint      not null references crime (id),
    partner_org   text        not null references partner_org (code),
    kind          text        not null check (kind in ('support', 'concern', 'question')),
    concern       text        check (concern in ('risk', 'safeguarding', 'considering_withdrawal')),
    channel       text        check (channel in ('phone', 'in_person', 'video', 'message')),
    noted_on      date        not null,
    note          text        not null,
    recorded_by   text        not null references app_user (username),
    recorded_at   timestamptz not null default now(),
    seen_by       text        references app_user (username),
    seen_at       timestamptz,
    answer        text,
    answered_by   text        references app_user (username),
    answered_at   timestamptz,
    constraint isva_note_concern check ((kind = 'concern') = (concern is not null)),
    constraint isva_note_channel check ((kind = 'support') = (channel is not null)),
    constraint isva_note_seen check ((seen_at is null) = (seen_by is null) and (kind = 'concern' or seen_at is null)),
    constraint isva_note_answer check ((answer is null) = (answered_by is null) and (answer is null) = (answered_at is null)
                                       and (kind = 'question' or answer is null))
);

create index isva_note_crime on isva_note (crime_id);
create index isva_note_waiting on isva_note (crime_id) where (kind = 'concern' and seen_at is null)
                                                          or (kind = 'question' and answer is null);

-- A key event of a shared crime that an adviser of the service has passed on to the victim.
create table milestone_passed_on (
    event_id      bigint      not null references event (id),
    crime_id      bigint      not null references crime (id),
    partner_org   text        not null references partner_org (code),
    passed_on_by  text        not null references app_user (username),
    passed_on_at  timestamptz not null default now(),
    primary key (event_id, partner_org)
);

create index milestone_passed_on_crime on milestone_passed_on (crime_id);

-- Officers: need-to-know, as for the rest of the case (ADR 17). Partner users: their own organisation's records of a
-- crime whose victim's part (contact plan or key dates) a lasting share gives them (ADR 32).
do $$
declare
    t text;
begin
    foreach t in array array['isva_note', 'milestone_passed_on']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy %I on %I to soteria_whole_force using (true) with check (true)',
                       t || '_whole_force', t);
        execute format('create policy %I on %I to public using '
                       || '(exists (select 1 from crime c where c.id = %I.crime_id))', t || '_need_to_know', t, t);
        execute format('create policy %I on %I as restrictive to soteria_partner using '
                       || '(partner_sees(crime_id, array[''contact_plan'', ''key_dates'']) and partner_org = '
                       || '(select u.partner_org from app_user u where u.username = current_setting(''soteria.user'', true)))',
                       t || '_partner', t);
    end loop;
end $$;
