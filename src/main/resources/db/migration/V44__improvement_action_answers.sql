-- Issue 26: an improvement action says which finding it answers: an item of a deep dive's findings (or its missed
-- opportunities), or a section of a self-assessment. The finding's page lists the actions that answer it, and the
-- action links back to the finding. Optional: an action may answer something found elsewhere.
alter table improvement_action
    add column answers_sample     bigint references case_sample (id),
    add column answers_item       text check (answers_item in ('suspect_focus', 'victim_engagement', 'proportionality',
                                      'timeliness', 'missed_opportunity')),
    add column answers_assessment bigint,
    add column answers_section    text,
    add constraint improvement_action_answers_section
        foreign key (answers_assessment, answers_section) references assessment_section (assessment_id, section_code),
    add constraint improvement_action_answers_one check (
        (answers_sample is null) = (answers_item is null)
        and (answers_assessment is null) = (answers_section is null)
        and (answers_sample is null or answers_assessment is null));
