-- Issue 26: the case file review's items as data (ADR 43). The national coordinator keeps versioned templates (a draft
-- is changed, then published, and never changes again); a force adds its own items, which join every sample it draws
-- from then on until it retires them. Each item names a pillar, a scale (poor to excellent; yes, partly or no; free
-- text) and guidance for the reviewer. A sample keeps the items it was drawn with (case_sample_item), so that a review
-- is always answered against the form its reviewers saw; a review's answers are rows (case_file_answer), one per item.
create table review_template (
    id           bigint generated always as identity primary key,
    name         text    not null check (length(name) between 1 and 200),
    name_cy      text    not null default '' check (length(name_cy) <= 200),
    version      integer not null check (version >= 1),
    status       text    not null check (status in ('draft', 'published')),
    created_by   text    not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    unique (name, version)
);

-- An item of a national template (template_id) or of a force's own (force_code, its code starting "force_"). The
-- force is named, not referenced: a national item is in the same table, and removing a force (truncate ... cascade)
-- must not take the national templates' items with it.
create table review_template_item (
    id            bigint generated always as identity primary key,
    template_id   bigint references review_template (id),
    force_code    text,
    code          text    not null check (code ~ '^[a-z][a-z_]{2,39}$' and code not in ('learning', 'missed_opportunity')),
    position      integer not null,
    pillar        integer not null check (pillar between 1 and 6),
    scale         text    not null check (scale in ('ordinal', 'yes_no_partly', 'free_text')),
    may_not_apply boolean not null default false check (not (may_not_apply and scale = 'free_text')),
    text_en       text    not null check (length(text_en) between 1 and 500),
    text_cy       text    not null default '' check (length(text_cy) <= 500),
    guidance_en   text    not null default '' check (length(guidance_en) <= 2000),
    guidance_cy   text    not null default '' check (length(guidance_cy) <= 2000),
    added_by      text    not null,
    added_at      timestamptz not null default now(),
    retired_at    timestamptz,
    check ((template_id is null) <> (force_code is null)),
    check ((force_code is null) = (code !~ '^force_')),
    check (retired_at is null or force_code is not null)
);

create unique index review_template_item_national on review_template_item (template_id, code) where template_id is not null;
create unique index review_template_item_force on review_template_item (force_code, code) where force_code is not null;

-- The items a sample was drawn with, in the form's order.
create table case_sample_item (
    sample_id bigint  not null references case_sample (id),
    item_id   bigint  not null references review_template_item (id),
    position  integer not null,
    primary key (sample_id, item_id),
    unique (sample_id, position)
);

alter table case_sample add column template_id bigint references review_template (id);

-- One answer of a review: a rating on the item's scale, or (free text) the reviewer's words, encrypted by the
-- application and bound to the sample, crime, reviewer and item. It hangs from a crime: row-level security as for
-- the review itself (V24, V47, V48).
create table case_file_answer (
    id        bigint generated always as identity unique,
    sample_id bigint not null,
    crime_id  bigint not null,
    reviewer  text   not null,
    item_code text   not null,
    rating    text check (rating in ('poor', 'needs_improvement', 'good', 'excellent', 'no', 'partly', 'yes',
                                     'not_applicable')),
    note      text,
    check ((rating is null) <> (note is null)),
    primary key (sample_id, crime_id, reviewer, item_code),
    foreign key (sample_id, crime_id, reviewer) references case_file_review (sample_id, crime_id, reviewer)
);

alter table case_file_answer enable row level security;
create policy case_file_answer_whole_force on case_file_answer to soteria_whole_force using (true) with check (true);
create policy case_file_answer_need_to_know on case_file_answer to public using (
    exists (select 1 from crime c where c.id = case_file_answer.crime_id));
create policy case_file_answer_partner on case_file_answer as restrictive to soteria_partner using (
    current_setting('soteria.cases', true) is distinct from 'partner');

-- Settled ratings may be on any item's scale now.
alter table case_file_settlement drop constraint case_file_settlement_item_check;
alter table case_file_settlement drop constraint case_file_settlement_rating_check;
alter table case_file_settlement add constraint case_file_settlement_rating_check check (rating in ('poor',
    'needs_improvement', 'good', 'excellent', 'no', 'partly', 'yes', 'not_applicable'));

-- Version 1: the four items the review form had, so that every review made until now is answered against it.
insert into review_template (name, name_cy, version, status, created_by, published_at)
values ('Soteria case file review', 'Adolygiad ffeil achos Soteria', 1, 'published', 'soteria', now());

insert into review_template_item (template_id, code, position, pillar, scale, may_not_apply, text_en, text_cy,
                                  guidance_en, guidance_cy, added_by)
select t.id, i.code, i.position, i.pillar, 'ordinal', i.na, i.en, i.cy, i.gen, i.gcy, 'soteria'
from review_template t, (values
    ('suspect_focus', 1, 1, false, 'Focus on the suspect: their behaviour, history and other allegations',
     'Ffocws ar y sawl a amheuir: ei ymddygiad, ei hanes a honiadau eraill',
     'Were the suspect''s behaviour before, during and after the offence, their history and other allegations examined early, and did they shape the investigation?',
     'A gafodd ymddygiad y sawl a amheuir cyn, yn ystod ac ar ôl y drosedd, ei hanes a honiadau eraill eu harchwilio''n gynnar, ac a wnaethant lywio''r ymchwiliad?'),
    ('timeliness', 2, 1, false, 'Timeliness: from report to arrest, referral and outcome',
     'Amseroldeb: o''r adroddiad i''r arestio, yr atgyfeirio a''r canlyniad',
     'Look at the days between the report, the first account, the arrest or interview, the referral to the CPS and the outcome. Were delays explained?',
     'Edrychwch ar y dyddiau rhwng yr adroddiad, y cyfrif cyntaf, yr arestio neu''r cyfweliad, yr atgyfeirio i Wasanaeth Erlyn y Goron a''r canlyniad. A gafodd oedi ei egluro?'),
    ('victim_engagement', 3, 3, false, 'Quality of engagement with the victim: kept informed, listened to, supported',
     'Ansawdd yr ymgysylltu â''r dioddefwr: ei hysbysu, gwrando arno, ei gefnogi',
     'Were the victim''s contacts kept as they chose, were they told of decisions on time, referred for support and listened to?',
     'A gafodd cysylltiadau''r dioddefwr eu cadw fel y dewisodd, a gafodd wybod am benderfyniadau mewn pryd, ei atgyfeirio am gymorth a''i glywed?'),
    ('proportionality', 4, 6, true, 'Proportionality of requests for digital and third-party material',
     'Cymesuredd ceisiadau am ddeunydd digidol a thrydydd parti',
     'Was each request for the victim''s phone or records tied to a line of enquiry, justified and approved, and was the victim told? Not applicable when nothing was requested.',
     'A oedd pob cais am ffôn neu gofnodion y dioddefwr yn gysylltiedig â llinell ymholi, wedi''i gyfiawnhau a''i gymeradwyo, ac a ddywedwyd wrth y dioddefwr? Amherthnasol pan na ofynnwyd am ddim.')
) as i (code, position, pillar, na, en, cy, gen, gcy)
where t.name = 'Soteria case file review' and t.version = 1;

-- Version 2: every pillar, with the two other scales. Phrased so that "yes" (or "excellent") is what good looks like.
insert into review_template (name, name_cy, version, status, created_by, published_at)
values ('Soteria case file review', 'Adolygiad ffeil achos Soteria', 2, 'published', 'soteria', now());

insert into review_template_item (template_id, code, position, pillar, scale, may_not_apply, text_en, text_cy,
                                  guidance_en, guidance_cy, added_by)
select t.id, i.code, i.position, i.pillar, i.scale, i.na, i.en, i.cy, i.gen, i.gcy, 'soteria'
from review_template t, (values
    ('suspect_focus', 1, 1, 'ordinal', false, 'Focus on the suspect: their behaviour, history and other allegations',
     'Ffocws ar y sawl a amheuir: ei ymddygiad, ei hanes a honiadau eraill',
     'Were the suspect''s behaviour before, during and after the offence, their history and other allegations examined early, and did they shape the investigation?',
     'A gafodd ymddygiad y sawl a amheuir cyn, yn ystod ac ar ôl y drosedd, ei hanes a honiadau eraill eu harchwilio''n gynnar, ac a wnaethant lywio''r ymchwiliad?'),
    ('timeliness', 2, 1, 'ordinal', false, 'Timeliness: from report to arrest, referral and outcome',
     'Amseroldeb: o''r adroddiad i''r arestio, yr atgyfeirio a''r canlyniad',
     'Look at the days between the report, the first account, the arrest or interview, the referral to the CPS and the outcome. Were delays explained?',
     'Edrychwch ar y dyddiau rhwng yr adroddiad, y cyfrif cyntaf, yr arestio neu''r cyfweliad, yr atgyfeirio i Wasanaeth Erlyn y Goron a''r canlyniad. A gafodd oedi ei egluro?'),
    ('context_examined', 3, 1, 'free_text', false, 'How was the context examined: the relationship, the circumstances before and after, the suspect''s wider behaviour?',
     'Sut cafodd y cyd-destun ei archwilio: y berthynas, yr amgylchiadau cyn ac ar ôl, ymddygiad ehangach y sawl a amheuir?',
     'In a few sentences, with no names: what the file shows of a context-led investigation, and what it lacks.',
     'Mewn ychydig frawddegau, heb enwau: beth mae''r ffeil yn ei ddangos o ymchwiliad sy''n seiliedig ar gyd-destun, a beth sydd ar goll.'),
    ('repeat_checks', 4, 2, 'yes_no_partly', true, 'Were the suspect''s other allegations, intelligence and links to other crimes checked?',
     'A gafodd honiadau eraill, cudd-wybodaeth a chysylltiadau''r sawl a amheuir â throseddau eraill eu gwirio?',
     'Include records under other names and in other forces, and the repeat-suspect register. Not applicable when no suspect was identified.',
     'Gan gynnwys cofnodion dan enwau eraill ac mewn heddluoedd eraill, a''r gofrestr o rai a amheuir dro ar ôl tro. Amherthnasol pan na nodwyd neb a amheuir.'),
    ('victim_engagement', 5, 3, 'ordinal', false, 'Quality of engagement with the victim: kept informed, listened to, supported',
     'Ansawdd yr ymgysylltu â''r dioddefwr: ei hysbysu, gwrando arno, ei gefnogi',
     'Were the victim''s contacts kept as they chose, were they told of decisions on time, referred for support and listened to?',
     'A gafodd cysylltiadau''r dioddefwr eu cadw fel y dewisodd, a gafodd wybod am benderfyniadau mewn pryd, ei atgyfeirio am gymorth a''i glywed?'),
    ('victims_code', 6, 3, 'yes_no_partly', false, 'Were the victim''s Victims'' Code entitlements met: needs assessed, updates on time, told of decisions and of the right to review?',
     'A gafodd hawliau''r dioddefwr o dan God y Dioddefwyr eu bodloni: asesu anghenion, diweddariadau mewn pryd, gwybod am benderfyniadau ac am yr hawl i adolygiad?',
     'Read the contact record and the decisions; partly when some entitlements were met late or not at all.',
     'Darllenwch y cofnod cysylltu a''r penderfyniadau; yn rhannol pan fodlonwyd rhai hawliau''n hwyr neu ddim o gwbl.'),
    ('supervision', 7, 4, 'yes_no_partly', false, 'Was the investigation supervised at the intervals the force requires, with the officer in the case supported?',
     'A gafodd yr ymchwiliad ei oruchwylio ar yr adegau y mae''r heddlu''n eu mynnu, gyda chefnogaeth i''r swyddog yn yr achos?',
     'Supervisors'' reviews on time, with direction the officer acted on; workload and wellbeing raised where the file shows strain.',
     'Adolygiadau goruchwylwyr mewn pryd, gyda chyfarwyddyd y gweithredodd y swyddog arno; llwyth gwaith a lles wedi''u codi lle mae''r ffeil yn dangos straen.'),
    ('recording', 8, 5, 'yes_no_partly', false, 'Are the crime''s dates, classification, outcome and people recorded accurately and completely?',
     'A yw dyddiadau, dosbarthiad, canlyniad a phobl y drosedd wedi''u cofnodi''n gywir ac yn llawn?',
     'Compare the record with the file: missing dates or ages, a wrong outcome code or offence, a third-party report not marked as one.',
     'Cymharwch y cofnod â''r ffeil: dyddiadau neu oedrannau ar goll, cod canlyniad neu drosedd anghywir, adroddiad trydydd parti heb ei nodi felly.'),
    ('proportionality', 9, 6, 'ordinal', true, 'Proportionality of requests for digital and third-party material',
     'Cymesuredd ceisiadau am ddeunydd digidol a thrydydd parti',
     'Was each request for the victim''s phone or records tied to a line of enquiry, justified and approved, and was the victim told? Not applicable when nothing was requested.',
     'A oedd pob cais am ffôn neu gofnodion y dioddefwr yn gysylltiedig â llinell ymholi, wedi''i gyfiawnhau a''i gymeradwyo, ac a ddywedwyd wrth y dioddefwr? Amherthnasol pan na ofynnwyd am ddim.')
) as i (code, position, pillar, scale, na, en, cy, gen, gcy)
where t.name = 'Soteria case file review' and t.version = 2;

-- Every sample drawn until now was reviewed on version 1's four items.
update case_sample set template_id = (select id from review_template where name = 'Soteria case file review'
    and version = 1);
insert into case_sample_item (sample_id, item_id, position)
select s.id, i.id, i.position from case_sample s join review_template_item i on i.template_id = s.template_id;
alter table case_sample alter column template_id set not null;

insert into case_file_answer (sample_id, crime_id, reviewer, item_code, rating)
select sample_id, crime_id, reviewer, x.code, x.rating from case_file_review,
    lateral (values ('suspect_focus', suspect_focus), ('timeliness', timeliness),
                    ('victim_engagement', victim_engagement), ('proportionality', proportionality)) as x (code, rating);

alter table case_file_review drop column suspect_focus, drop column victim_engagement, drop column proportionality,
    drop column timeliness;
