-- Issue 26: officer surveys, as the programme's deep dives run them (ADR 42). The questionnaire is data (the national
-- one is seeded here; a later version is new rows); a survey wave goes to the officers of chosen teams; answers are
-- anonymous: who has answered (survey_taken) is kept apart from what was answered, which carries no person, no time
-- and, once the wave closes, not even the order answers came in (survey_sealed, rows shuffled; survey_open_answer is
-- emptied). Results are read from closed waves only, for groups of at least the disclosure threshold.
create table survey_question (
    questionnaire text    not null,
    version       int     not null check (version >= 1),
    code          text    not null,
    position      int     not null,
    theme         text    not null check (theme in ('wellbeing', 'confidence', 'training', 'victim_engagement',
                                                    'suspect_focus', 'data')),
    pillar        int     not null check (pillar between 1 and 6),
    text_en       text    not null,
    text_cy       text    not null,
    primary key (questionnaire, version, code),
    unique (questionnaire, version, position)
);

create table survey_wave (
    id            bigint generated always as identity primary key,
    force_code    text        not null references force (force_code),
    title         text        not null check (length(title) between 3 and 200),
    questionnaire text        not null,
    version       int         not null,
    teams         text[]      not null check (cardinality(teams) between 1 and 200),
    opened_on     date        not null,
    closes_on     date        not null check (closes_on >= opened_on),
    closed_at     timestamptz,
    created_by    text        not null references app_user (username),
    created_at    timestamptz not null default now()
);

-- Who has answered a wave: to refuse a second answer and to count participation. Nothing else.
create table survey_taken (
    wave_id  bigint not null references survey_wave (id),
    username text   not null references app_user (username),
    primary key (wave_id, username)
);

-- Answers while the wave is open: no person, no time; a random key. One row per respondent, the answers in the
-- questionnaire's order (null: preferred not to say).
create table survey_open_answer (
    id        uuid     primary key default gen_random_uuid(),
    wave_id   bigint   not null references survey_wave (id),
    team_code text     not null,
    answers   smallint[] not null
);

-- The answers of a closed wave, copied in random order when it closed (the open rows are then deleted).
create table survey_sealed (
    wave_id   bigint     not null references survey_wave (id),
    team_code text       not null,
    answers   smallint[] not null
);

create index survey_sealed_wave on survey_sealed (wave_id);

-- A focus group's findings, recorded as themes against the pillars (no names: the page says so).
create table survey_theme (
    id           bigint generated always as identity primary key,
    wave_id      bigint      not null references survey_wave (id),
    held_on      date        not null,
    participants int         not null check (participants between 1 and 100),
    pillar       int         not null check (pillar between 1 and 6),
    theme        text        not null check (length(theme) between 3 and 200),
    note         text        check (length(note) <= 2000),
    recorded_by  text        not null references app_user (username),
    recorded_at  timestamptz not null default now()
);

insert into survey_question (questionnaire, version, code, position, theme, pillar, text_en, text_cy) values
('soteria-officers', 1, 'W1', 1, 'wellbeing', 4, 'I can manage the emotional demands of RASSO work.',
 'Gallaf ymdopi â gofynion emosiynol gwaith trais a throseddau rhywiol difrifol.'),
('soteria-officers', 1, 'W2', 2, 'wellbeing', 4, 'My workload allows me to investigate each case properly.',
 'Mae fy llwyth gwaith yn caniatáu i mi ymchwilio i bob achos yn iawn.'),
('soteria-officers', 1, 'W3', 3, 'wellbeing', 4, 'I know where to get support for my wellbeing and feel able to use it.',
 'Rwy''n gwybod ble i gael cymorth ar gyfer fy llesiant ac rwy''n teimlo y gallaf ei ddefnyddio.'),
('soteria-officers', 1, 'C1', 4, 'confidence', 1, 'I feel confident investigating rape and serious sexual offences.',
 'Rwy''n teimlo''n hyderus wrth ymchwilio i drais a throseddau rhywiol difrifol.'),
('soteria-officers', 1, 'C2', 5, 'confidence', 1, 'My supervisor reviews my cases in a way that helps me.',
 'Mae fy ngoruchwyliwr yn adolygu fy achosion mewn ffordd sy''n fy helpu.'),
('soteria-officers', 1, 'T1', 6, 'training', 4, 'I have had the specialist training I need for this work.',
 'Rwyf wedi cael yr hyfforddiant arbenigol sydd ei angen arnaf ar gyfer y gwaith hwn.'),
('soteria-officers', 1, 'T2', 7, 'training', 6,
 'I have been trained to ask for digital evidence in proportion to each case.',
 'Rwyf wedi cael fy hyfforddi i ofyn am dystiolaeth ddigidol yn gymesur â phob achos.'),
('soteria-officers', 1, 'V1', 8, 'victim_engagement', 3,
 'I have the time to keep victims updated as their contact plan says.',
 'Mae gennyf yr amser i roi''r wybodaeth ddiweddaraf i ddioddefwyr fel y mae eu cynllun cyswllt yn ei ddweud.'),
('soteria-officers', 1, 'V2', 9, 'victim_engagement', 3,
 'Victims are treated with dignity and fairness in our investigations.',
 'Caiff dioddefwyr eu trin ag urddas a thegwch yn ein hymchwiliadau.'),
('soteria-officers', 1, 'S1', 10, 'suspect_focus', 1,
 'Our investigations focus on the suspect''s behaviour, not the victim''s credibility.',
 'Mae ein hymchwiliadau''n canolbwyntio ar ymddygiad y sawl a ddrwgdybir, nid ar hygrededd y dioddefwr.'),
('soteria-officers', 1, 'S2', 11, 'suspect_focus', 2,
 'I can find out whether a suspect has been reported for other offences.',
 'Gallaf ddarganfod a yw''r sawl a ddrwgdybir wedi''i riportio am droseddau eraill.'),
('soteria-officers', 1, 'D1', 12, 'data', 5, 'The performance figures I see help me improve my work.',
 'Mae''r ffigurau perfformiad a welaf yn fy helpu i wella fy ngwaith.');
