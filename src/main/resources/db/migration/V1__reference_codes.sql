-- Reference vocabularies of shared/domain, kept identical to the enums in org.soteria.reference
-- (ReferenceDataIT proves they match).
create table offence_group (
    code  text primary key,
    label text not null
);

create table offence_code (
    code        text primary key,
    description text not null,
    group_code  text not null references offence_group (code)
);

create table outcome_group (
    code  text primary key,
    label text not null
);

create table outcome_code (
    code       text primary key,
    short_name text not null,
    group_code text not null references outcome_group (code)
);

create table event_type (
    code      text primary key,
    label     text not null,
    category  text not null,
    key_event boolean not null
);

insert into offence_group (code, label) values
    ('adult_rape', 'Adult rape'),
    ('child_rape', 'Child rape'),
    ('sexual_assault', 'Sexual assault'),
    ('other_sexual', 'Other sexual offences');

insert into offence_code (code, description, group_code) values
    ('19C', 'Rape of a female aged 16 or over', 'adult_rape'),
    ('19D', 'Rape of a female child under 16', 'child_rape'),
    ('19E', 'Rape of a female child under 13', 'child_rape'),
    ('19F', 'Rape of a male aged 16 or over', 'adult_rape'),
    ('19G', 'Rape of a male child under 16', 'child_rape'),
    ('19H', 'Rape of a male child under 13', 'child_rape'),
    ('17A', 'Sexual assault on a male aged 13 or over', 'sexual_assault'),
    ('17B', 'Sexual assault on a male child under 13', 'sexual_assault'),
    ('20A', 'Sexual assault on a female aged 13 or over', 'sexual_assault'),
    ('20B', 'Sexual assault on a female child under 13', 'sexual_assault'),
    ('21', 'Sexual activity involving a child under 13', 'other_sexual'),
    ('22A', 'Causing sexual activity without consent', 'other_sexual'),
    ('22B', 'Sexual activity involving a child under 16', 'other_sexual'),
    ('23', 'Incest or familial sexual offences', 'other_sexual'),
    ('70', 'Sexual activity etc. with a person with a mental disorder', 'other_sexual'),
    ('71', 'Abuse of children through sexual exploitation', 'other_sexual'),
    ('72', 'Trafficking for sexual exploitation', 'other_sexual'),
    ('73', 'Abuse of position of trust of a sexual nature', 'other_sexual'),
    ('88A', 'Sexual grooming', 'other_sexual');

insert into outcome_group (code, label) values
    ('charged', 'Charged'),
    ('out_of_court', 'Out of court'),
    ('victim_does_not_support', 'Victim does not support'),
    ('evidential_difficulties_victim_supports', 'Evidential difficulties, victim supports'),
    ('no_suspect_identified', 'No suspect identified'),
    ('prevented_or_not_in_public_interest', 'Prevented or not in the public interest'),
    ('transferred', 'Transferred'),
    ('other', 'Other');

insert into outcome_code (code, short_name, group_code) values
    ('1', 'Charged', 'charged'),
    ('1A', 'Charged (alternative offence)', 'charged'),
    ('2', 'Youth caution', 'out_of_court'),
    ('2A', 'Youth caution (alternative offence)', 'out_of_court'),
    ('3', 'Adult caution', 'out_of_court'),
    ('3A', 'Adult caution (alternative offence)', 'out_of_court'),
    ('4', 'Taken into consideration', 'out_of_court'),
    ('5', 'Offender died', 'prevented_or_not_in_public_interest'),
    ('6', 'Penalty notice for disorder', 'out_of_court'),
    ('7', 'Cannabis or khat warning', 'out_of_court'),
    ('8', 'Community resolution', 'out_of_court'),
    ('9', 'Not in the public interest (CPS)', 'prevented_or_not_in_public_interest'),
    ('10', 'Not in the public interest (police)', 'prevented_or_not_in_public_interest'),
    ('11', 'Prevented: suspect under age', 'prevented_or_not_in_public_interest'),
    ('12', 'Prevented: suspect too ill', 'prevented_or_not_in_public_interest'),
    ('13', 'Prevented: victim or witness dead or too ill', 'prevented_or_not_in_public_interest'),
    ('14', 'Evidential difficulties, suspect not identified; victim does not support', 'victim_does_not_support'),
    ('15', 'Evidential difficulties, suspect identified; victim supports', 'evidential_difficulties_victim_supports'),
    ('16', 'Evidential difficulties, suspect identified; victim does not support', 'victim_does_not_support'),
    ('17', 'Prosecution time limit expired', 'prevented_or_not_in_public_interest'),
    ('18', 'Investigation complete, no suspect identified', 'no_suspect_identified'),
    ('19', 'National Fraud Intelligence Bureau filed', 'other'),
    ('20', 'Further action by another body or agency', 'transferred'),
    ('21', 'Further investigation not in the public interest (police)', 'prevented_or_not_in_public_interest'),
    ('22', 'Diversionary, educational or intervention activity', 'prevented_or_not_in_public_interest');

insert into event_type (code, label, category, key_event) values
    ('first_contact', 'First contact', 'VICTIM_CONTACT', false),
    ('needs_assessment', 'Needs assessment', 'VICTIM_CONTACT', false),
    ('victim_update', 'Victim updated', 'VICTIM_CONTACT', false),
    ('support_referral', 'Support referral', 'VICTIM_CONTACT', false),
    ('victim_notified', 'Victim notified of key event', 'VICTIM_CONTACT', false),
    ('victim_withdrawal', 'Victim withdrew support', 'VICTIM_CONTACT', false),
    ('victim_reengaged', 'Victim re-engaged', 'VICTIM_CONTACT', false),
    ('vrr_request', 'Victims'' Right to Review request', 'VICTIM_CONTACT', false),
    ('suspect_identified', 'Suspect identified', 'INVESTIGATION', false),
    ('arrest', 'Arrest', 'INVESTIGATION', true),
    ('voluntary_interview', 'Voluntary interview', 'INVESTIGATION', false),
    ('interview_under_caution', 'Interview under caution', 'INVESTIGATION', true),
    ('bail', 'Released on bail', 'INVESTIGATION', true),
    ('bail_change', 'Bail conditions changed', 'INVESTIGATION', true),
    ('released_under_investigation', 'Released under investigation', 'INVESTIGATION', true),
    ('cps_early_advice', 'CPS early advice', 'INVESTIGATION', false),
    ('cps_referral', 'Referred to CPS', 'INVESTIGATION', false),
    ('cps_decision', 'CPS decision', 'INVESTIGATION', false),
    ('charge', 'Charged', 'INVESTIGATION', true),
    ('nfa_decision', 'No further action', 'INVESTIGATION', true),
    ('out_of_court_disposal', 'Out-of-court disposal', 'INVESTIGATION', true),
    ('decision_not_to_investigate', 'Decision not to investigate', 'INVESTIGATION', true),
    ('court_outcome', 'Court outcome', 'COURT', false);
