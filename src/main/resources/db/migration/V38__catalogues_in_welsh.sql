-- Issue 21: the words a force keeps as data, in Welsh beside the English. A Welsh page shows the Welsh, or the
-- English (marked as English) until someone writes it. The product's own defaults, the investigator's journey and
-- the first self-assessment framework, get their Welsh here, but only where a force has not changed the English.
alter table journey_stage
    add column name_cy     text not null default '' check (length(name_cy) <= 120),
    add column guidance_cy text not null default '' check (length(guidance_cy) <= 1000);

alter table framework add column name_cy text not null default '';
alter table framework_section
    add column name_cy        text not null default '',
    add column description_cy text not null default '';
alter table framework_question
    add column text_cy     text not null default '',
    add column guidance_cy text not null default '',
    add column evidence_cy text not null default '';
alter table framework_level
    add column name_cy       text not null default '',
    add column descriptor_cy text not null default '';

update journey_stage s set name_cy = w.name_cy, guidance_cy = w.guidance_cy
from (values
    ('first_contact', 'First contact and recording', 'Cyswllt cyntaf a chofnodi',
     'Cofnodwch y drosedd yn ddi-oed; dywedwch wrth y dioddefwr beth sy''n digwydd nesaf.'),
    ('initial_conversation', 'Initial conversation', 'Sgwrs gychwynnol',
     'Mae SOLO/SOIT neu''r ymchwilydd yn gwrando ar y dioddefwr, yn esbonio''r dewisiadau ac yn cytuno sut i gadw mewn cysylltiad.'),
    ('early_evidence', 'Early evidence and SARC', 'Tystiolaeth gynnar a SARC',
     'Sicrhewch gyfleoedd fforensig: archwiliad SARC, lleoliadau, dillad, teledu cylch cyfyng cyn iddo gael ei drosysgrifo.'),
    ('safeguarding', 'Safeguarding and victim needs', 'Diogelu ac anghenion y dioddefwr',
     'Asesiad o anghenion, atgyfeirio at ISVA neu gymorth arall, risg i''r dioddefwr ac i eraill.'),
    ('suspect_background', 'Suspect identification and background checks', 'Adnabod y person a ddrwgdybir a gwiriadau cefndir',
     'Adnabyddwch y person a ddrwgdybir; gwiriwch ei hanes, cudd-wybodaeth a honiadau eraill cyn gofyn unrhyw beth i''r dioddefwr.'),
    ('victim_account', 'Victim account (ABE)', 'Fersiwn y dioddefwr (ABE)',
     'Cynlluniwch y cyfweliad â''r dioddefwr, ar gyflymder y dioddefwr, gyda chyfwelydd o''i ddewis lle bo modd.'),
    ('digital_strategy', 'Digital strategy', 'Strategaeth ddigidol',
     'Y person a ddrwgdybir yn gyntaf. Mae angen trywydd ymholi, cyfiawnhad a chymeradwyaeth ar gyfer unrhyw gais am ddyfais y dioddefwr.'),
    ('third_party_material', 'Third-party material', 'Deunydd trydydd parti',
     'Gofynnwch am gofnodion y dioddefwr dim ond ar gyfer trywydd ymholi rhesymol, gyda chymeradwyaeth, gan ddweud wrth y dioddefwr.'),
    ('arrest_interview', 'Suspect arrest and interview', 'Arestio a chyfweld y person a ddrwgdybir',
     'Arestio neu gyfweliad gwirfoddol gyda chynllun sy''n canolbwyntio ar ymddygiad y person a ddrwgdybir cyn ac wedyn.'),
    ('bail_rui', 'Bail or RUI and conditions', 'Mechnïaeth neu RUI ac amodau',
     'Gosodwch amodau sy''n diogelu''r dioddefwr; cadwch olwg ar ddyddiadau dod i ben ac adolygiadau; dywedwch wrth y dioddefwr o fewn diwrnod gwaith.'),
    ('case_building', 'Case building and early CPS advice', 'Adeiladu''r achos a chyngor cynnar gan Wasanaeth Erlyn y Goron',
     'Gofynnwch am gyngor cynnar gan Wasanaeth Erlyn y Goron; gweithiwch drwy''r cynllun gweithredu.'),
    ('cps_referral', 'CPS referral', 'Atgyfeirio at Wasanaeth Erlyn y Goron',
     'Atgyfeiriwch y ffeil pan fydd y rhestr wirio parodrwydd yn gyflawn.'),
    ('charging_decision', 'Charging decision', 'Penderfyniad cyhuddo',
     'Cofnodwch benderfyniad Gwasanaeth Erlyn y Goron a dywedwch wrth y dioddefwr; esboniwch ei hawl i adolygiad.'),
    ('trial_support', 'Pre-trial and trial support', 'Cymorth cyn y treial ac yn ystod y treial',
     'Mesurau arbennig, ymgyfarwyddo â''r llys, diweddariadau ar ddyddiadau.'),
    ('final_outcome', 'Final outcome and disruption review', 'Canlyniad terfynol ac adolygiad amharu',
     'Cofnodwch y canlyniad; ystyriwch orchmynion a ffyrdd eraill o amharu ar y person a ddrwgdybir.')
) as w (code, name, name_cy, guidance_cy)
where s.code = w.code and s.name = w.name;

update framework set name_cy = 'Hunanasesiad Ymgyrch Soteria' where name = 'Operation Soteria self-assessment';

update framework_level l set name_cy = w.name_cy, descriptor_cy = w.descriptor_cy
from framework f, (values
    (1, 'Heb ddechrau eto', 'Nid yw''r arfer ar waith, neu dim ond yn nwylo swyddogion unigol.'),
    (2, 'Yn datblygu', 'Mae''r arfer wedi''i gytuno ac ar waith mewn rhannau o''r heddlu; nid yw''n gyson nac wedi''i fesur eto.'),
    (3, 'Wedi''i sefydlu', 'Mae''r arfer yn gyson ar draws yr heddlu, yn cael ei oruchwylio ac yn cael ei fesur.'),
    (4, 'Wedi''i wreiddio ac yn gwella', 'Mae''r arfer yn rhan o''r drefn arferol, yn cael ei fesur, ei adolygu gyda phartneriaid a''i wella ar sail tystiolaeth.')
) as w (level, name_cy, descriptor_cy)
where l.framework_id = f.id and f.name = 'Operation Soteria self-assessment' and l.level = w.level;

update framework_section s set name_cy = w.name_cy, description_cy = w.description_cy
from framework f, (values
    ('suspect_focus', '1. Ymchwiliad sy''n canolbwyntio ar y person a ddrwgdybir',
     'Archwilir ymddygiad, hanes ac honiadau eraill y person a ddrwgdybir yn gynnar.'),
    ('repeat_suspects', '2. Nodi ac amharu ar rai a ddrwgdybir dro ar ôl tro',
     'Mae rhai a ddrwgdybir dro ar ôl tro yn cael eu canfod a''u blaenoriaethu, ac amherir arnynt.'),
    ('procedural_justice', '3. Cyfiawnder gweithdrefnol i ddioddefwyr',
     'Urddas, tegwch, llais, diogelwch ac ymddiriedaeth ym mhob cyswllt.'),
    ('officer_wellbeing', '4. Dysgu, datblygiad a llesiant swyddogion',
     'Hyfforddiant arbenigol, llwythi achosion hylaw, amser i fyfyrio.'),
    ('data_led', '5. Monitro perfformiad a arweinir gan ddata',
     'Data dibynadwy a ddefnyddir i lywio a gwerthuso newid.'),
    ('digital_forensics', '6. Fforensig digidol cymesur',
     'Strategaeth ddigidol gymesur a thryloyw sy''n seiliedig ar dystiolaeth.'),
    ('nom_principles', 'Egwyddorion y Model Gweithredu Cenedlaethol',
     'Ymchwiliadau sy''n rhoi''r dioddefwr yn y canol, yn canolbwyntio ar y person a ddrwgdybir ac yn cael eu harwain gan y cyd-destun.')
) as w (code, name_cy, description_cy)
where s.framework_id = f.id and f.name = 'Operation Soteria self-assessment' and s.code = w.code;

-- The first version's questions, as V20 wrote them (a published version is never edited).
update framework_question q set text_cy = w.text_cy, guidance_cy = w.guidance_cy, evidence_cy = w.evidence_cy
from framework f, (values
    ('suspect_focus', 1, 'How early and how consistently are suspects'' histories, intelligence and other allegations checked?',
     'Pa mor gynnar a pha mor gyson y caiff hanes, cudd-wybodaeth a honiadau eraill y rhai a ddrwgdybir eu gwirio?',
     'Edrychwch ar gynlluniau troseddau diweddar: pryd y gwnaed y gwiriadau, ac a wnaethant lywio''r ymchwiliad?',
     'Canfyddiadau''r adolygiad manwl ar ganolbwyntio ar y person a ddrwgdybir; cynlluniau ymchwilio; cofnodion adolygu goruchwylwyr.'),
    ('suspect_focus', 2, 'How do supervisors make sure investigations test the suspect''s account rather than the victim''s credibility?',
     'Sut mae goruchwylwyr yn sicrhau bod ymchwiliadau''n profi fersiwn y person a ddrwgdybir yn hytrach na hygrededd y dioddefwr?',
     'Ystyriwch restrau gwirio adolygu, cynlluniau cyfweld a sut y caiff her ei chofnodi.',
     'Cofnodion adolygu goruchwylwyr; cynlluniau cyfweld; deunydd hyfforddi.'),
    ('repeat_suspects', 1, 'How are suspects linked across crimes and repeat suspects identified?',
     'Sut mae''r rhai a ddrwgdybir yn cael eu cysylltu ar draws troseddau, a sut mae rhai a ddrwgdybir dro ar ôl tro yn cael eu nodi?',
     'Cynhwyswch gofnodion a gedwir dan enwau gwahanol ac mewn heddluoedd eraill.',
     'Y gofrestr o rai a ddrwgdybir dro ar ôl tro; penderfyniadau adolygu cysylltiadau; y mesur repeat_suspect_share.'),
    ('repeat_suspects', 2, 'How are repeat suspects prioritised and disrupted (arrest, orders, bail conditions, intelligence sharing)?',
     'Sut mae rhai a ddrwgdybir dro ar ôl tro yn cael eu blaenoriaethu, a sut yr amherir arnynt (arestio, gorchmynion, amodau mechnïaeth, rhannu cudd-wybodaeth)?',
     'Ystyriwch pwy sy''n penderfynu, pa mor gyflym, a sut yr eir ar drywydd achosion o dorri amodau.',
     'Gorchmynion amharu a''u hadolygiadau; rhybuddion y gweithredwyd arnynt; active_disruptions.'),
    ('procedural_justice', 1, 'How are victims kept informed, in the way they chose, at every stage?',
     'Sut y rhoddir y wybodaeth ddiweddaraf i ddioddefwyr, yn y ffordd a ddewiswyd ganddynt, ar bob cam?',
     'Dyletswyddau Cod y Dioddefwyr a gyflawnwyd mewn pryd, cynlluniau cyswllt, diweddariadau.',
     'victims_code_compliance; cynlluniau cyswllt; adborth dioddefwyr.'),
    ('procedural_justice', 2, 'How does the force learn from victims who withdraw, and from their feedback?',
     'Sut mae''r heddlu''n dysgu gan ddioddefwyr sy''n tynnu''n ôl, ac o''u hadborth?',
     'Y cam a''r rheswm dros dynnu''n ôl; beth a newidiodd o ganlyniad.',
     'withdrawal_by_stage_and_reason; victim_feedback; camau a gymerwyd.'),
    ('officer_wellbeing', 1, 'How many RASSO investigators are fully trained and accredited, and how is that planned?',
     'Faint o ymchwilwyr RASSO sydd wedi''u hyfforddi''n llawn a''u hachredu, a sut y cynllunnir hynny?',
     'Cynhwyswch SSAIDP, hyfforddiant RASSO arbenigol a hyfforddiant gloywi.',
     'accredited_share; cofnodion hyfforddi; cynlluniau dysgu.'),
    ('officer_wellbeing', 2, 'How are caseloads, abstraction and officers'' wellbeing managed?',
     'Sut y rheolir llwythi achosion, tynnu oddi ar waith a llesiant swyddogion?',
     'Ystyriwch drothwyon llwyth achosion, tynnu oddi ar waith RASSO a chymorth ar gyfer trawma dirprwyol.',
     'open_caseload; abstraction_days; cyfartaleddau llesiant ac atgyfeiriadau.'),
    ('data_led', 1, 'How reliable is the force''s RASSO data, and how are gaps fixed?',
     'Pa mor ddibynadwy yw data RASSO yr heddlu, a sut y caiff bylchau eu llenwi?',
     'Dyddiadau ac oedrannau coll, codau lleol heb eu mapio, adroddiadau trydydd parti.',
     'Y dudalen ansawdd data; adroddiadau problemau mewnforio.'),
    ('data_led', 2, 'How do leaders use measures to steer and evaluate change?',
     'Sut mae arweinwyr yn defnyddio mesurau i lywio a gwerthuso newid?',
     'Cyfarfodydd perfformiad, targedau, gwerthuso camau gweithredu.',
     'Dangosfyrddau a ddefnyddir; camau''r cynllun gwella sy''n gysylltiedig â mesurau.'),
    ('digital_forensics', 1, 'How does the force make sure requests for victims'' phones and records are necessary and proportionate?',
     'Sut mae''r heddlu''n sicrhau bod ceisiadau am ffonau a chofnodion dioddefwyr yn angenrheidiol ac yn gymesur?',
     'Pob un ynghlwm wrth drywydd ymholi, gyda chyfiawnhad a chymeradwyaeth goruchwyliwr; a''r dioddefwr yn cael gwybod.',
     'Ffigurau ceisiadau (gofynnwyd, gwrthodwyd, cymeradwywyd); canfyddiadau''r adolygiad manwl ar gymesuredd.'),
    ('digital_forensics', 2, 'How quickly are devices examined and returned, and how is the queue prioritised?',
     'Pa mor gyflym y caiff dyfeisiau eu harchwilio a''u dychwelyd, a sut y caiff y ciw ei flaenoriaethu?',
     'Lefelau brysbennu ac amser prosesu; dyfeisiau dioddefwyr a ddychwelwyd.',
     'Ciw fforensig digidol a ffigurau amser prosesu.'),
    ('nom_principles', 1, 'How are investigations victim-centred: the victim''s wishes, needs and choices shaping the investigation?',
     'Sut mae ymchwiliadau''n rhoi''r dioddefwr yn y canol: dymuniadau, anghenion a dewisiadau''r dioddefwr yn llywio''r ymchwiliad?',
     'Gan gynnwys adroddiadau trydydd parti na wnaed gan y dioddefwr.',
     'Cynlluniau cyswllt; asesiadau o anghenion; ymdrin ag adroddiadau trydydd parti.'),
    ('nom_principles', 2, 'How are investigations context-led: the relationship, the circumstances before and after, the suspect''s wider behaviour?',
     'Sut mae ymchwiliadau''n cael eu harwain gan y cyd-destun: y berthynas, yr amgylchiadau cyn ac wedyn, ymddygiad ehangach y person a ddrwgdybir?',
     'Ysgogiadau a atebwyd mewn cynlluniau ymchwilio; y cyd-destun wedi''i gofnodi.',
     'Cynlluniau ymchwilio; canfyddiadau''r adolygiad manwl.')
) as w (section, position, text, text_cy, guidance_cy, evidence_cy)
where q.framework_id = f.id and f.name = 'Operation Soteria self-assessment' and f.version = 1
  and q.section_code = w.section and q.position = w.position and q.text = w.text;

-- Later versions copied the first; each of a question's words takes the first version's Welsh only where its
-- English is still the same, so that a question a coordinator reworded keeps its Welsh empty rather than taking a
-- translation of words it no longer has.
update framework_question q
set text_cy     = case when q.text = o.text then o.text_cy else '' end,
    guidance_cy = case when q.guidance = o.guidance then o.guidance_cy else '' end,
    evidence_cy = case when q.evidence = o.evidence then o.evidence_cy else '' end
from framework f, framework first, framework_question o
where q.framework_id = f.id and f.version > 1 and first.name = f.name and first.version = 1
  and o.framework_id = first.id and o.section_code = q.section_code and o.position = q.position;
