-- Issue 22: victims' feedback cannot be stuffed by the officer it measures. A link records the officer who made
-- it, the feedback it brings back carries that officer, and an officer's own measures never count feedback from
-- links they made (MeasureRepository). Links per victim are limited in VictimService.
alter table feedback_invitation add column created_by_officer text;
alter table victim_feedback add column invited_by_officer text;
create index feedback_invitation_victim on feedback_invitation (crime_id, person_ref, created_at);
