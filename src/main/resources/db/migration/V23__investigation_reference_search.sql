-- The case list's search by crime-reference prefix under row-level security (ADR 17). PostgreSQL applies a
-- table's security policy before any condition whose functions are not leakproof, and upper() and LIKE are
-- not: the prefix could no longer use crime_ref_search, and a search read every crime the user may see
-- (0.7 s at 1,000,000 crimes). This function, owned by the schema's owner, finds the matching crimes' ids
-- through the index; the caller's query then keeps only the ids row-level security and need-to-know allow.
-- It returns ids alone, so nothing about a crime outside need-to-know leaves it. The query is planned with
-- the pattern's value (EXECUTE), as LIKE uses an index only for a known prefix.
create function crime_ids_with_reference_like(pattern text) returns setof bigint
    language plpgsql stable security definer
    set search_path = public, pg_temp
as $$
begin
    return query execute 'select id from crime where upper(crime_ref) like $1' using pattern;
end
$$;
