package org.soteria.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local accounts, their second factor, recovery codes, teams and sign-in attempts. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SoteriaUser> find(String username, Instant now) {
        return jdbc.sql("select username, password_hash, enabled, locked_until, display_name, role, force_code, "
                        + "officer_code, totp_enabled_at is not null as enrolled, demo from app_user where username = ?")
                .param(username)
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject(4, OffsetDateTime.class);
                    boolean nonLocked = lockedUntil == null || !lockedUntil.toInstant().isAfter(now);
                    return new SoteriaUser(rs.getString(1), rs.getString(2), rs.getBoolean(3), nonLocked,
                            rs.getString(5), Role.fromCode(rs.getString(6)).orElseThrow(), rs.getString(7),
                            rs.getString(8), rs.getBoolean(9), rs.getBoolean(10));
                })
                .optional();
    }

    Optional<String> displayName(String username) {
        return jdbc.sql("select display_name from app_user where username = ?").param(username).query(String.class)
                .optional();
    }

    /** The force's enabled accounts, by display name: username, display name and role code. */
    List<String[]> colleagues(String forceCode) {
        return jdbc.sql("select username, display_name, role from app_user where force_code = ? and enabled "
                        + "order by lower(display_name), username")
                .param(forceCode).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from app_user where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    int disableDemoAccounts() {
        return jdbc.sql("update app_user set enabled = false where demo and enabled").update();
    }

    /** What step-up needs: the password's hash, whether the directory signs the user in, and their last sign-in. */
    record Credentials(String passwordHash, boolean directory, Instant lastSignIn) {
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select password_hash, directory, last_sign_in_at from app_user where username = ?")
                .param(username)
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                    return new Credentials(rs.getString(1), rs.getBoolean(2), last == null ? null : last.toInstant());
                })
                .optional();
    }

    long countRealAccounts() {
        return jdbc.sql("select count(*) from app_user where not demo").query(Long.class).single();
    }

    /** Creates or refreshes a demo account; a real account of the same name is never touched (returns false). */
    boolean upsertDemo(String username, String displayName, Role role, String passwordHash, String forceCode,
            String officerCode) {
        return jdbc.sql("insert into app_user (username, display_name, role, password_hash, force_code, officer_code, demo) "
                        + "values (?, ?, ?, ?, ?, ?, true) on conflict (username) do update set "
                        + "password_hash = excluded.password_hash, display_name = excluded.display_name, "
                        + "role = excluded.role, force_code = excluded.force_code, "
                        + "officer_code = excluded.officer_code, demo = true, enabled = true, failed_sign_ins = 0, "
                        + "locked_until = null where app_user.demo")
                .params(username, displayName, role.code(), passwordHash, forceCode, officerCode).update() == 1;
    }

    /** Places a demo account; false (nothing changed) when the account of that name is a real one. */
    boolean upsertDemoPlacement(String username, String officerCode) {
        return jdbc.sql("update app_user set officer_code = ? where username = ? and demo").params(officerCode, username)
                .update() == 1;
    }

    /** Creates or refreshes a directory account; false (nothing changed) when a local account has the name. */
    /**
     * Makes or refreshes a directory account; false (nothing changed) when the name is a local account's, or an account
     * from another directory (the force's, or another partner organisation's: {@code partnerOrg} differs).
     */
    boolean upsertDirectoryAccount(String username, String displayName, Role role, String forceCode, String partnerOrg,
            String hash) {
        return jdbc.sql("insert into app_user (username, display_name, role, password_hash, force_code, directory, "
                        + "partner_org) values (?, ?, ?, ?, ?, true, ?) on conflict (username) do update set "
                        + "display_name = excluded.display_name, role = excluded.role, force_code = excluded.force_code "
                        + "where app_user.directory and app_user.partner_org is not distinct from excluded.partner_org")
                .params(username, displayName, role.code(), hash, forceCode, partnerOrg).update() == 1;
    }

    void insert(String username, String displayName, Role role, String passwordHash, String forceCode,
            String officerCode) {
        jdbc.sql("insert into app_user (username, display_name, role, password_hash, force_code, officer_code) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(username, displayName, role.code(), passwordHash, forceCode, officerCode).update();
    }

    /** Whether the force has an active partner organisation of this code (V47). */
    /** The kind of an active partner organisation of a force (V47: cps, isva, sarc); empty when there is none such. */
    java.util.Optional<String> partnerOrgKind(String code, String forceCode) {
        return jdbc.sql("select kind from partner_org where code = ? and force_code = ? and retired_at is null")
                .params(code, forceCode).query(String.class).optional();
    }

    /** The name of an active partner organisation of a force (V47), for its directory's sign-in button. */
    java.util.Optional<String> partnerOrgName(String code, String forceCode) {
        return jdbc.sql("select name from partner_org where code = ? and force_code = ? and retired_at is null")
                .params(code, forceCode).query(String.class).optional();
    }

    void setPartnerOrg(String username, String partnerOrg) {
        jdbc.sql("update app_user set partner_org = ? where username = ?").params(partnerOrg, username).update();
    }

    void setDemoPartnerOrg(String username, String partnerOrg) {
        jdbc.sql("update app_user set partner_org = ? where username = ? and demo and role in ('cps-prosecutor', 'isva')")
                .params(partnerOrg, username).update();
    }

    void setTeams(String username, String forceCode, List<String> memberOf, List<String> supervises) {
        jdbc.sql("delete from user_team where username = ?").param(username).update();
        for (String t : memberOf) {
            jdbc.sql("insert into user_team (username, force_code, team_code, relation) values (?, ?, ?, 'member')")
                    .params(username, forceCode, t).update();
        }
        for (String t : supervises) {
            jdbc.sql("insert into user_team (username, force_code, team_code, relation) values (?, ?, ?, 'supervisor')")
                    .params(username, forceCode, t).update();
        }
    }

    /** The language code the user chose, if they chose one. */
    Optional<String> language(String username) {
        return jdbc.sql("select language from app_user where username = ? and language is not null").param(username)
                .query(String.class).optional();
    }

    /** Sets the user's language; true when it changed. */
    boolean setLanguage(String username, String code) {
        return jdbc.sql("update app_user set language = ? where username = ? and language is distinct from ?")
                .params(code, username, code).update() > 0;
    }

    void updatePassword(String username, String hash) {
        jdbc.sql("update app_user set password_hash = ? where username = ?").params(hash, username).update();
    }

    /** An account's run of failures and its lock, read for update. */
    record Failures(int count, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    Optional<Failures> failuresForUpdate(String username) {
        return jdbc.sql("select failed_sign_ins, locked_until from app_user where username = ? for update")
                .param(username)
                .query((rs, n) -> {
                    OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
                    return new Failures(rs.getInt(1), until == null ? null : until.toInstant());
                })
                .optional();
    }

    void setFailures(String username, int count, Instant lockedUntil) {
        jdbc.sql("update app_user set failed_sign_ins = ?, locked_until = ? where username = ?")
                .params(count, lockedUntil == null ? null : utc(lockedUntil), username).update();
    }

    /** Clears the failure count and any lock; with a time, records it as the last sign-in. */
    void recordSuccess(String username, Instant at) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null, "
                        + "last_sign_in_at = coalesce(?, last_sign_in_at) where username = ?")
                .params(at == null ? null : utc(at), username).update();
    }

    void resetSecondFactor(String username) {
        jdbc.sql("update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null "
                + "where username = ?").param(username).update();
        jdbc.sql("delete from recovery_code where username = ?").param(username).update();
    }

    void recordAttempt(String username, String source, boolean succeeded, Instant at) {
        jdbc.sql("insert into sign_in_attempt (at, username, source_address, succeeded) values (?, ?, ?, ?)")
                .params(utc(at), username, source, succeeded).update();
    }

    long recentFailuresFrom(String source, Instant since) {
        return jdbc.sql("select count(*) from sign_in_attempt where source_address = ? and at > ? and not succeeded")
                .params(source, utc(since)).query(Long.class).single();
    }

    record SecondFactor(String secret, boolean enabled, Long lastStep) {
    }

    Optional<SecondFactor> secondFactor(String username) {
        return jdbc.sql("select totp_secret, totp_enabled_at is not null, totp_last_step from app_user "
                        + "where username = ?")
                .param(username)
                .query((rs, n) -> new SecondFactor(rs.getString(1), rs.getBoolean(2),
                        (Long) rs.getObject(3, Long.class)))
                .optional();
    }

    void setPendingSecret(String username, String secret) {
        jdbc.sql("update app_user set totp_secret = ?, totp_enabled_at = null, totp_last_step = null "
                        + "where username = ? and totp_enabled_at is null")
                .params(secret, username).update();
    }

    void enableSecondFactor(String username, long step, Instant at) {
        jdbc.sql("update app_user set totp_enabled_at = ?, totp_last_step = ? where username = ?")
                .params(utc(at), step, username).update();
    }

    /** Moves the last used step forward; false when another request used this step first. */
    boolean useStep(String username, long step) {
        return jdbc.sql("update app_user set totp_last_step = ? where username = ? "
                        + "and (totp_last_step is null or totp_last_step < ?)")
                .params(step, username, step).update() == 1;
    }

    void replaceRecoveryCodes(String username, List<String> hashes) {
        jdbc.sql("delete from recovery_code where username = ?").param(username).update();
        for (String h : hashes) {
            jdbc.sql("insert into recovery_code (username, code_hash) values (?, ?)").params(username, h).update();
        }
    }

    boolean useRecoveryCode(String username, String hash, Instant at) {
        return jdbc.sql("update recovery_code set used_at = ? where username = ? and code_hash = ? and used_at is null")
                .params(utc(at), username, hash).update() == 1;
    }

    long unusedRecoveryCodes(String username) {
        return jdbc.sql("select count(*) from recovery_code where username = ? and used_at is null").param(username)
                .query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
