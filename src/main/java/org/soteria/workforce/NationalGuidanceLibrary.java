package org.soteria.workforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.Bilingual;
import org.soteria.platform.Invalid;
import org.soteria.reference.Choice;
import org.soteria.security.SoteriaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * National guidance and practice in a force's guidance library (issue 28, ADR 40): what accepting a version of the
 * hub's library would change, and accepting it. Each practice becomes a national document (a change to it a new
 * version); one the hub no longer lists is withdrawn. The force's own documents are never touched, and practice the
 * force itself shared from its library is not taken back as national.
 */
@Service
public class NationalGuidanceLibrary {

    /** What a version does to one practice. */
    public enum ChangeKind {
        ADDED, CHANGED, WITHDRAWN, RESTORED
    }

    /**
     * One practice a version changes: the force that wrote it (as {@code code}), its title, what happens to it, and
     * the parts that differ (by their names in the page's words).
     */
    public record Change(long id, String code, Bilingual name, ChangeKind kind, List<String> fields) {
    }

    /** A national document as the force holds it, at its current version. */
    record Held(long document, long nationalId, String force, GuidanceService.Pillar pillar, String title, String what,
            String why, String evidence, boolean withdrawn, int version) {
    }

    private final JdbcClient jdbc;
    private final AuditService audit;

    NationalGuidanceLibrary(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private Map<Long, Held> held() {
        Map<Long, Held> out = new LinkedHashMap<>();
        jdbc.sql("select d.id, d.national_id, d.national_force, d.pillar, d.title, v.summary, v.why, v.evidence, "
                + "d.withdrawn, v.version from guidance_document d join guidance_version v on v.document_id = d.id "
                + "and v.version = (select max(x.version) from guidance_version x where x.document_id = d.id) "
                + "where d.source = 'national' order by d.national_id").query(rs -> {
                    out.put(rs.getLong(2), new Held(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            Choice.fromCode(GuidanceService.Pillar.class, rs.getString(4)), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getInt(10)));
                });
        return out;
    }

    /** The items of {@code offered} this force takes: all but the practice it shared from its own library. */
    private static List<NationalGuidance.Item> taken(NationalGuidance.Release offered, String ownForce) {
        return offered.items().stream().filter(i -> !(i.fromGuidance() && i.force().equals(ownForce))).toList();
    }

    /** What accepting {@code offered} would change in this force ({@code ownForce}); empty when it has it already. */
    public List<Change> changes(NationalGuidance.Release offered, String ownForce) {
        return changes(held(), taken(offered, ownForce));
    }

    /** The changes from the national documents {@code held} (by the hub's number) to the {@code offered} items. */
    static List<Change> changes(Map<Long, Held> held, List<NationalGuidance.Item> offered) {
        List<Change> out = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (NationalGuidance.Item i : offered) {
            ids.add(i.id());
            Held had = held.get(i.id());
            Bilingual name = Bilingual.of(i.title(), null);
            if (had == null) {
                out.add(new Change(i.id(), i.force(), name, ChangeKind.ADDED, List.of()));
                continue;
            }
            List<String> fields = fields(had, i);
            if (had.withdrawn()) {
                out.add(new Change(i.id(), i.force(), name, ChangeKind.RESTORED, fields));
            } else if (!fields.isEmpty()) {
                out.add(new Change(i.id(), i.force(), name, ChangeKind.CHANGED, fields));
            }
        }
        held.values().stream().filter(h -> !h.withdrawn() && !ids.contains(h.nationalId())).forEach(h -> out.add(
                new Change(h.nationalId(), h.force(), Bilingual.of(h.title(), null), ChangeKind.WITHDRAWN, List.of())));
        return out;
    }

    private static List<String> fields(Held a, NationalGuidance.Item b) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(a.title(), b.title())) {
            out.add("title");
        }
        if (a.pillar() != b.chosenPillar()) {
            out.add("pillar");
        }
        if (!Objects.equals(a.what(), b.what())) {
            out.add("what");
        }
        if (!Objects.equals(blankToNull(a.why()), blankToNull(b.why()))) {
            out.add("why");
        }
        if (!Objects.equals(blankToNull(a.evidence()), blankToNull(b.evidence()))) {
            out.add("evidence");
        }
        return out;
    }

    private static boolean wordsChanged(List<String> fields) {
        return fields.contains("what") || fields.contains("why") || fields.contains("evidence");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The hub's version this force accepted last, if any. */
    public Optional<Integer> acceptedVersion() {
        return jdbc.sql("select max(version) from guidance_national_accepted").query(Integer.class).optional();
    }

    /**
     * Accepts a version of the hub's library for this force ({@code user}'s): new practice becomes national documents,
     * changed practice a new version (or a new title or pillar), practice the hub no longer lists is withdrawn, and
     * withdrawn practice it lists again comes back. Returns the changes made.
     */
    @Transactional
    public List<Change> accept(SoteriaUser user, NationalGuidance.Release offered) {
        List<String> problems = offered.problems();
        if (!problems.isEmpty()) {
            throw new Invalid("version", String.join("; ", problems));
        }
        jdbc.sql("lock table guidance_national_accepted in share row exclusive mode").update();
        if (acceptedVersion().map(v -> v > offered.version()).orElse(false)) {
            throw new Invalid("version", "{nationalGuidanceError.olderVersion}");
        }
        Map<Long, Held> held = held();
        List<NationalGuidance.Item> taken = taken(offered, user.forceCode());
        List<Change> changes = changes(held, taken);
        Map<Long, NationalGuidance.Item> byId = new LinkedHashMap<>();
        taken.forEach(i -> byId.put(i.id(), i));
        for (Change c : changes) {
            NationalGuidance.Item item = byId.get(c.id());
            Held had = held.get(c.id());
            if (item == null) {
                jdbc.sql("update guidance_document set withdrawn = true where id = ?").param(had.document()).update();
            } else if (had == null) {
                long id = jdbc.sql("insert into guidance_document (pillar, title, share_with_network, created_by, source, "
                        + "national_id, national_force) values (?, ?, false, ?, 'national', ?, ?) returning id")
                        .params(item.chosenPillar().code(), item.title(), user.getUsername(), item.id(), item.force())
                        .query(Long.class).single();
                version(user, id, 1, item);
            } else {
                jdbc.sql("update guidance_document set pillar = ?, title = ?, national_force = ?, withdrawn = false "
                        + "where id = ?").params(item.chosenPillar().code(), item.title(), item.force(), had.document())
                        .update();
                if (wordsChanged(c.fields())) {
                    version(user, had.document(), had.version() + 1, item);
                }
            }
        }
        jdbc.sql("insert into guidance_national_accepted (version, accepted_by) values (?, ?) on conflict (version) "
                + "do update set accepted_by = excluded.accepted_by, accepted_at = now()")
                .params(offered.version(), user.getUsername()).update();
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "guidance",
                "national-" + offered.version(), "national guidance version " + offered.version() + " accepted: "
                        + changes.size() + " practices changed");
        return changes;
    }

    private void version(SoteriaUser user, long document, int version, NationalGuidance.Item item) {
        jdbc.sql("insert into guidance_version (document_id, version, summary, published_on, published_by, why, evidence) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(document, version, item.what(), LocalDate.parse(item.publishedOn()),
                user.getUsername(), blankToNull(item.why()), blankToNull(item.evidence())).update();
    }
}
