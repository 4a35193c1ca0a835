-- Issue 28, ADR 38: a force's benchmark carries victims' feedback as a mean score with two decimals.
alter table hub_benchmark drop constraint hub_benchmark_shown_check;
alter table hub_benchmark add constraint hub_benchmark_shown_check
    check (shown ~ '^([0-9]+|[0-9]\.[0-9]{2}|<5|\[c\])$');
