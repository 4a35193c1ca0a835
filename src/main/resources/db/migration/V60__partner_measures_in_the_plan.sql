-- Issue 27: the partner measures that rest on what the police and their partners record in Soteria (early advice and
-- its answer, the joint action plan, ISVAs' support) can be the measures an improvement action sets out to move.
alter table improvement_action_measure drop constraint improvement_action_measure_measure_check;
alter table improvement_action_measure add constraint improvement_action_measure_measure_check
    check (measure in ('charge_rate', 'victim_does_not_support_rate', 'cps_charge_rate', 'victims_code_compliance',
                       'repeat_suspect_share', 'conviction_rate', 'cps_files_returned', 'isva_referrals',
                       'withdrawals_with_isva', 'early_advice_within_target', 'police_actions_overdue',
                       'cps_actions_overdue', 'isva_supported', 'withdrawals_after_isva_support'));
