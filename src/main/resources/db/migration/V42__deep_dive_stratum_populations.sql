-- Issue 26: a deep-dive sample draws the same number of crimes from each stratum, so a small stratum is
-- over-represented. Findings are weighted back to the force's caseload by each stratum's population: the crimes of
-- the sampling frame in that stratum when the sample was drawn. Counts of crimes per stratum label (offence group /
-- outcome group / quarter), the force's own, like case_sample.candidates: no person, no crime, so no row-level
-- policy. Samples drawn before this have no rows and their findings say they are not weighted.
create table case_sample_stratum (
    sample_id  bigint  not null references case_sample (id),
    stratum    text    not null,
    population integer not null check (population > 0),
    primary key (sample_id, stratum)
);
