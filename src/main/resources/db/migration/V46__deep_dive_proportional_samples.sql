-- Issue 26: a deep-dive sample draws the same number from each stratum, or a number in all shared in proportion to
-- each stratum's crimes (per_stratum then holds that number in all).
alter table case_sample add column allocation text not null default 'equal'
    check (allocation in ('equal', 'proportional'));
alter table case_sample drop constraint case_sample_per_stratum_check;
alter table case_sample add constraint case_sample_size check (
    (allocation = 'equal' and per_stratum between 1 and 50)
    or (allocation = 'proportional' and per_stratum between 1 and 500));
