-- Issue 22: import runs and their rejected values follow the user's force and restricted crimes. A rejected value
-- can be personal data (a name, a date of birth), so each problem keeps the force and crime of its row where the
-- row named them, and each run the forces its rows named. Runs from before carry none: their rejected values are
-- shown to no one (their counts still are).
alter table import_problem add column force_code text, add column crime_ref text;
alter table import_run add column forces text[] not null default '{}', add column forces_known boolean not null default false;
update import_run set forces_known = false;
alter table import_run alter column forces_known set default true;

-- Whether a crime is restricted and this user is not named on it: asked about a reference in an import report,
-- where row-level security (which hides such crimes) would otherwise make it look like no crime at all.
create function restricted_for(force text, ref text, username text)
    returns boolean
    language sql stable security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from crime c where c.force_code = force and c.crime_ref = ref and c.restricted
                   and not exists (select 1 from restricted_access ra where ra.crime_id = c.id
                                   and ra.username = restricted_for.username))
$$;
