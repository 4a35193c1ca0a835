-- Issue 26: an improvement action is linked to any number of measures, not one; the plan reads each before and after
-- the action went live, and marks the day on each measure's charts. The links move from improvement_action.measure.
create table improvement_action_measure (
    action_id bigint not null references improvement_action (id),
    measure   text   not null check (measure in ('charge_rate', 'victim_does_not_support_rate', 'cps_charge_rate',
                  'victims_code_compliance', 'repeat_suspect_share', 'conviction_rate', 'cps_files_returned',
                  'isva_referrals', 'withdrawals_with_isva')),
    primary key (action_id, measure)
);

insert into improvement_action_measure (action_id, measure)
select id, measure from improvement_action where measure is not null;

alter table improvement_action drop column measure;
