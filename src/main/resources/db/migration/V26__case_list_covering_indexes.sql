-- The case list under need-to-know at 1,000,000 crimes (issue 20, docs/benchmarks.md). A user sees a few teams'
-- crimes (a tenth of the force, say), so a scan in date order or along a filter's index passes ten rows for
-- each it may show, and a count to the cap of 1,001 read tens of thousands of crime rows. Counts now read the
-- need-to-know rule's parts (security.NeedToKnow.Rule): the user's teams along the team index, their own
-- crimes along the officer index. These indexes carry the columns that need-to-know, row-level security and
-- the list's filters test, so such a read answers from the index alone (an index-only scan) and passes only
-- the user's crimes. The outcome-group index carries need-to-know's columns for the same reason: a rare
-- outcome is counted along it.
drop index crime_team_recorded;
create index crime_team_recorded on crime (team_code, recorded_date desc, id desc)
    include (force_code, restricted, officer_code, record_type, outcome_code, offence_group, outcome_group);
drop index crime_officer_recorded;
create index crime_officer_recorded on crime (officer_code, recorded_date desc, id desc)
    include (force_code, restricted, team_code, record_type, outcome_code, offence_group, outcome_group);
drop index crime_outcome_group_recorded;
create index crime_outcome_group_recorded on crime (outcome_group, recorded_date desc, id desc)
    include (force_code, restricted, team_code, officer_code, record_type, outcome_code, offence_group);

-- A search by a crime reference's prefix (V23) found every crime with that prefix, in every team ('NWP/2019/05'
-- is ten thousand crimes), and the caller then read each to keep the few its user may see. The lookup is now
-- told the user's force, teams, officer code and the crimes named to them, and returns only the ids that can
-- pass need-to-know (and every restricted one, whose naming the caller's rule checks), read from the index
-- alone (told nothing, it returns every match, as before). This narrows; it does not decide: the caller's rule and row-level security still apply to every id.
drop function crime_ids_with_reference_like(text);
drop index crime_ref_search;
create index crime_ref_search on crime (upper(crime_ref) text_pattern_ops)
    include (crime_ref, id, force_code, restricted, team_code, officer_code);
create function crime_ids_with_reference_like(pattern text, force text, teams text[], officer text, named bigint[])
    returns setof bigint
    language plpgsql stable security definer
    set search_path = public, pg_temp
as $$
begin
    if teams is null then
        return query execute 'select id from crime where upper(crime_ref) like $1' using pattern;
    else
        return query execute 'select id from crime where upper(crime_ref) like $1 and force_code = $2 '
            || 'and (restricted or team_code = any($3) or officer_code = $4 or id = any($5))'
            using pattern, force, teams, officer, named;
    end if;
end
$$;

-- A search by given and family name: one index on both, where two indexes (a common given name matches a
-- hundred thousand people) were combined.
drop index person_family_name_index;
create index person_family_name_index on person (family_name_index, given_name_index);

-- The case list's choice of officer, in name order and cut at its limit: read along this index and stopped
-- there, not sorted whole (2,640 officers) on every page.
create index officer_by_name on officer (force_code, display_name, officer_code);
