package org.soteria.partner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.reference.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner organisations and the acts of sharing a case with them (V47); every read under row-level security. */
@Repository
class SharingRepository {

    private final JdbcClient jdbc;

    SharingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner organisation of a force. */
    record Org(String code, String forceCode, PartnerKind kind, String name, OffsetDateTime retiredAt) {

        public boolean active() {
            return retiredAt == null;
        }
    }

    /** One act of sharing, with what has happened to it since. */
    record Share(long id, long crimeId, String partnerOrg, String partnerName, PartnerKind kind, List<SharePart> parts,
            LawfulBasis basis, LocalDate consentGivenOn, OffsetDateTime consentWithdrawnAt, String consentWithdrawnBy,
            boolean reauthorised, String reason, String sharedBy, OffsetDateTime sharedAt, OffsetDateTime endedAt,
            String endedBy, String endReason) {

        /** Whether the share still gives access (the crime's state aside): neither ended nor its consent withdrawn. */
        public boolean lasting() {
            return endedAt == null && consentWithdrawnAt == null;
        }
    }

    private static final String SHARE = "select s.*, o.name as partner_name, o.kind from case_share s "
            + "join partner_org o on o.code = s.partner_org ";

    List<Org> orgs(String forceCode) {
        return jdbc.sql("select * from partner_org where force_code = ? order by retired_at nulls first, name, code")
                .param(forceCode).query((rs, n) -> org(rs)).list();
    }

    Optional<Org> org(String code) {
        return jdbc.sql("select * from partner_org where code = ?").param(code).query((rs, n) -> org(rs)).optional();
    }

    void addOrg(String code, String forceCode, PartnerKind kind, String name) {
        jdbc.sql("insert into partner_org (code, force_code, kind, name) values (?, ?, ?, ?)")
                .params(code, forceCode, kind.code(), name).update();
    }

    /** Retires an organisation and ends its lasting shares; false when the force has no such active organisation. */
    boolean retireOrg(String code, String forceCode, String by) {
        if (jdbc.sql("update partner_org set retired_at = now() where code = ? and force_code = ? and retired_at is null")
                .params(code, forceCode).update() != 1) {
            return false;
        }
        jdbc.sql("update case_share set ended_at = now(), ended_by = ?, end_reason = 'partner organisation retired' "
                + "where partner_org = ? and ended_at is null").params(by, code).update();
        return true;
    }

    /** The partner users of each of {@code orgCodes} in one query (for the admin page: user names and names only). */
    Map<String, List<String[]>> users(java.util.Collection<String> orgCodes) {
        Map<String, List<String[]>> out = new java.util.HashMap<>();
        if (!orgCodes.isEmpty()) {
            jdbc.sql("select partner_org, username, display_name, role from app_user where partner_org in (:orgs) "
                    + "order by display_name").param("orgs", orgCodes).query(rs -> {
                        out.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new String[] {
                            rs.getString(2), rs.getString(3), rs.getString(4)});
                    });
        }
        return out;
    }

    /** The partner users of an organisation (for the admin page: user names and names only). */
    List<String[]> users(String orgCode) {
        return jdbc.sql("select username, display_name, role from app_user where partner_org = ? order by display_name")
                .param(orgCode).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    /** The organisation a partner user belongs to. */
    Optional<String> orgOf(String username) {
        return jdbc.sql("select partner_org from app_user where username = ? and partner_org is not null")
                .param(username).query(String.class).optional();
    }

    long share(long crimeId, String forceCode, String org, List<SharePart> parts, LawfulBasis basis,
            LocalDate consentOn, boolean reauthorised, String reason, String by) {
        return jdbc.sql("insert into case_share (crime_id, force_code, partner_org, parts, lawful_basis, "
                        + "consent_given_on, reauthorised, reason, shared_by) values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?) "
                        + "returning id")
                .params(crimeId, forceCode, org, arrayLiteral(parts), basis.code(), consentOn, reauthorised, reason, by)
                .query(Long.class).single();
    }

    boolean end(long shareId, long crimeId, String by, String reason) {
        return jdbc.sql("update case_share set ended_at = now(), ended_by = ?, end_reason = ? "
                        + "where id = ? and crime_id = ? and ended_at is null")
                .params(by, reason, shareId, crimeId).update() == 1;
    }

    boolean withdrawConsent(long shareId, long crimeId, String by) {
        return jdbc.sql("update case_share set consent_withdrawn_at = now(), consent_withdrawn_by = ? "
                        + "where id = ? and crime_id = ? and consent_withdrawn_at is null and consent_given_on is not null "
                        + "and ended_at is null")
                .params(by, shareId, crimeId).update() == 1;
    }

    /** Every share of a crime, lasting first, newest first. */
    List<Share> shares(long crimeId) {
        return jdbc.sql(SHARE + "where s.crime_id = ? order by (s.ended_at is null and s.consent_withdrawn_at is null) "
                        + "desc, s.shared_at desc, s.id desc")
                .param(crimeId).query((rs, n) -> share(rs)).list();
    }

    Optional<Share> share(long shareId) {
        return jdbc.sql(SHARE + "where s.id = ?").param(shareId).query((rs, n) -> share(rs)).optional();
    }

    /**
     * The lasting shares of an organisation, newest first, a page at a time (crimes the partner may not see now,
     * closed or restricted, are left out by the caller's read of the crimes).
     */
    List<Share> lasting(String org, int limit, int offset) {
        return jdbc.sql(SHARE + "where s.partner_org = ? and s.ended_at is null and s.consent_withdrawn_at is null "
                        + "order by s.shared_at desc, s.id desc limit ? offset ?")
                .params(org, limit, offset).query((rs, n) -> share(rs)).list();
    }

    long countLasting(String org) {
        return jdbc.sql("select count(*) from case_share where partner_org = ? and ended_at is null "
                + "and consent_withdrawn_at is null").param(org).query(Long.class).single();
    }

    /** The lasting shares of an organisation for one crime. */
    List<Share> lasting(String org, long crimeId) {
        return jdbc.sql(SHARE + "where s.partner_org = ? and s.crime_id = ? and s.ended_at is null "
                        + "and s.consent_withdrawn_at is null order by s.shared_at")
                .params(org, crimeId).query((rs, n) -> share(rs)).list();
    }

    private static Org org(ResultSet rs) throws SQLException {
        return new Org(rs.getString("code"), rs.getString("force_code"),
                Coded.parse(PartnerKind.class, rs.getString("kind")).orElseThrow(),
                rs.getString("name"), rs.getObject("retired_at", OffsetDateTime.class));
    }

    private static Share share(ResultSet rs) throws SQLException {
        List<SharePart> parts = new ArrayList<>();
        Array array = rs.getArray("parts");
        for (Object p : (Object[]) array.getArray()) {
            Coded.parse(SharePart.class, (String) p).ifPresent(parts::add);
        }
        return new Share(rs.getLong("id"), rs.getLong("crime_id"), rs.getString("partner_org"),
                rs.getString("partner_name"),
                Coded.parse(PartnerKind.class, rs.getString("kind")).orElseThrow(), parts,
                Coded.parse(LawfulBasis.class, rs.getString("lawful_basis")).orElseThrow(),
                rs.getObject("consent_given_on", LocalDate.class),
                rs.getObject("consent_withdrawn_at", OffsetDateTime.class), rs.getString("consent_withdrawn_by"),
                rs.getBoolean("reauthorised"), rs.getString("reason"), rs.getString("shared_by"),
                rs.getObject("shared_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                rs.getString("ended_by"), rs.getString("end_reason"));
    }

    private static String arrayLiteral(List<SharePart> parts) {
        return "{" + String.join(",", parts.stream().map(SharePart::code).toList()) + "}";
    }
}
