-- Runs after every migration: the application's role may read and write the records, may only add
-- to and read the audit log, and owns nothing (so it cannot drop or disable the audit triggers).
-- When the application connects as the owner itself (an external database configured with one user)
-- there is nothing to grant, and the triggers alone protect the log.
do $$
begin
    if exists (select from pg_roles where rolname = '${app_role}') and '${app_role}' <> current_user then
        execute 'grant usage on schema public to ${app_role}';
        execute 'grant select, insert, update, delete on all tables in schema public to ${app_role}';
        execute 'grant usage, select on all sequences in schema public to ${app_role}';
        execute 'revoke insert, update, delete on flyway_schema_history from ${app_role}';
        execute 'revoke update, delete, truncate on audit_event, audit_checkpoint, audit_event_unchained from ${app_role}';
        execute 'revoke insert on audit_event_unchained from ${app_role}';
        -- ANALYZE after an import; PostgreSQL 17 grants it without ownership.
        if current_setting('server_version_num')::int >= 170000 then
            execute 'grant maintain on all tables in schema public to ${app_role}';
            execute 'revoke maintain on audit_event, audit_checkpoint, audit_event_unchained from ${app_role}';
        end if;
    end if;
end $$;

-- The whole-force readers' role (V22, ADR 17), granted to the application's role (even when that role
-- owns the schema) so that it may switch to it, never inheriting it: a user's request sees only what
-- row-level security allows. It may do what the application may, and no more.
do $$
begin
    execute 'grant select, insert, update, delete on all tables in schema public to soteria_whole_force';
    execute 'grant usage, select on all sequences in schema public to soteria_whole_force';
    execute 'grant usage on schema public to soteria_whole_force';
    execute 'revoke insert, update, delete on flyway_schema_history from soteria_whole_force';
    execute 'revoke update, delete, truncate on audit_event, audit_checkpoint, audit_event_unchained from soteria_whole_force';
    execute 'revoke insert on audit_event_unchained from soteria_whole_force';
    if current_setting('server_version_num')::int >= 170000 then
        execute 'grant maintain on all tables in schema public to soteria_whole_force';
        execute 'revoke maintain on audit_event, audit_checkpoint, audit_event_unchained from soteria_whole_force';
    end if;
    if exists (select from pg_roles where rolname = '${app_role}')
            and not pg_has_role('${app_role}', 'soteria_whole_force', 'member') then
        if current_setting('server_version_num')::int >= 160000 then
            execute 'grant soteria_whole_force to ${app_role} with inherit false, set true';
        else
            execute 'grant soteria_whole_force to ${app_role}';
        end if;
    end if;
end $$;

-- The partner users' role (V48, ADR 32): the same privileges as the application's, switched to (never inherited)
-- for a partner user's request, so that the partner policies apply to their queries alone.
do $$
begin
    if exists (select from pg_roles where rolname = 'soteria_partner') then
        execute 'grant select, insert, update, delete on all tables in schema public to soteria_partner';
        execute 'grant usage, select on all sequences in schema public to soteria_partner';
        execute 'grant usage on schema public to soteria_partner';
        execute 'revoke insert, update, delete on flyway_schema_history from soteria_partner';
        execute 'revoke update, delete, truncate on audit_event, audit_checkpoint, audit_event_unchained from soteria_partner';
        execute 'revoke insert on audit_event_unchained from soteria_partner';
        if exists (select from pg_roles where rolname = '${app_role}')
                and not pg_has_role('${app_role}', 'soteria_partner', 'member') then
            if current_setting('server_version_num')::int >= 160000 then
                execute 'grant soteria_partner to ${app_role} with inherit false, set true';
            else
                execute 'grant soteria_partner to ${app_role}';
            end if;
        end if;
    end if;
end $$;
