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
