-- Issue 24, ADR 27: the name search index under row-level security. PostgreSQL applies a table's security policy
-- before any condition whose operator is not leakproof, and the array overlap (&&) is not: under the policy the
-- GIN index on person.name_keys could not be used, and every search read every person the user may see (seconds
-- at 1,000,000 crimes). As for crime references (V23, V26), this function, owned by the schema's owner, finds the
-- ids of the people whose names match every typed word through the index; the caller's query then keeps only the
-- crimes row-level security and need-to-know allow. It returns ids alone, at most `most` of them, so nothing about
-- a person outside need-to-know leaves it, and only of the caller's force when it is named.
--
-- Each typed word comes twice: its strict entries (the word, its beginning) and all of them (with its sounds).
-- Names are looked up strictly first; only when nobody matches so are sounds used: "Smyth" finds Smyth and Smythe
-- when there are any, and Smith when there are not. A sound shared by tens of thousands of people (Jones's) is
-- then read only for a search that needs it.
create function person_ids_with_name_keys(force text, most int, s0 bigint[], s1 bigint[], s2 bigint[],
        s3 bigint[], a0 bigint[], a1 bigint[], a2 bigint[], a3 bigint[])
    returns setof bigint
    language plpgsql stable security definer
    set search_path = public, pg_temp
    rows 100
as $$
declare
    strict_words text := 'select id from person where name_keys && $3';
    any_words text := 'select id from person where name_keys && $7';
begin
    if s0 is null then
        return;
    end if;
    if s1 is not null then
        strict_words := strict_words || ' and name_keys && $4';
        any_words := any_words || ' and name_keys && $8';
    end if;
    if s2 is not null then
        strict_words := strict_words || ' and name_keys && $5';
        any_words := any_words || ' and name_keys && $9';
    end if;
    if s3 is not null then
        strict_words := strict_words || ' and name_keys && $6';
        any_words := any_words || ' and name_keys && $10';
    end if;
    if force is not null then
        strict_words := strict_words || ' and force_code = $1';
        any_words := any_words || ' and force_code = $1';
    end if;
    return query execute strict_words || ' limit $2' using force, most, s0, s1, s2, s3, a0, a1, a2, a3;
    if not found then
        return query execute any_words || ' limit $2' using force, most, s0, s1, s2, s3, a0, a1, a2, a3;
    end if;
end
$$;
