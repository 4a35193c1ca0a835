package org.soteria.workforce;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.reference.Choice;
import org.soteria.security.SoteriaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guidance library: specialist guidance documents and links by pillar. A change is a new version;
 * earlier versions stay readable. A document marked for the network is sent to the hub's practice library (issue
 * 28); national guidance and practice accepted from the hub sits beside the force's own and is changed only by
 * accepting a newer version ({@link NationalGuidanceLibrary}, ADR 40).
 */
@Service
public class GuidanceService {

    /** The six pillars of Operation Soteria. */
    public enum Pillar implements Choice {
        SUSPECT_FOCUSED("suspect_focus", "Suspect-focused investigation"),
        REPEAT_SUSPECTS("repeat_suspects", "Identifying and disrupting repeat suspects"),
        PROCEDURAL_JUSTICE("procedural_justice", "Procedural justice for victims"),
        LEARNING_AND_WELLBEING("learning_and_wellbeing", "Officer learning, development and wellbeing"),
        DATA_LED("data_led", "Data-led performance monitoring"),
        DIGITAL_FORENSICS("digital_forensics", "Proportionate digital forensics");

        private final String code;
        private final String label;

        Pillar(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** One version of a document; {@code why} and {@code evidence} only from national practice. */
    public record Version(int version, String url, String summary, LocalDate publishedOn, String publishedBy,
            String why, String evidence) {

        /** Whether the evidence is a web address alone (practice shared from a force's guidance library). */
        public boolean evidenceIsLink() {
            return evidence != null && evidence.matches("https?://\\S+");
        }
    }

    /**
     * A document with its versions, newest first; a national one ({@code nationalForce} the force that wrote it, or
     * NATIONAL for the national team) came from the hub.
     */
    public record Document(long id, Pillar pillar, String title, boolean shareWithNetwork, List<Version> versions,
            String nationalForce) {

        public boolean national() {
            return nationalForce != null;
        }

        public Version current() {
            return versions.get(0);
        }
    }

    private final JdbcClient jdbc;
    private final AuditService audit;

    GuidanceService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every document, grouped by pillar in pillar order. */
    public Map<Pillar, List<Document>> library() {
        Map<Pillar, List<Document>> out = new LinkedHashMap<>();
        for (Pillar p : Pillar.values()) {
            out.put(p, new java.util.ArrayList<>());
        }
        for (Document d : documents(null)) {
            out.get(d.pillar()).add(d);
        }
        return out;
    }

    public Optional<Document> document(long id) {
        return documents(id).stream().findFirst();
    }

    private List<Document> documents(Long id) {
        String onlyVersion = id == null ? "" : "where document_id = :id ";
        String onlyDocument = id == null ? "" : "where id = :id ";
        Map<Long, List<Version>> versions = new LinkedHashMap<>();
        var versionQuery = jdbc.sql("select document_id, version, url, summary, published_on, published_by, why, "
                + "evidence from guidance_version " + onlyVersion + "order by document_id, version desc");
        (id == null ? versionQuery : versionQuery.param("id", id)).query(rs -> {
            versions.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new Version(rs.getInt(2),
                    rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                    rs.getString(7), rs.getString(8)));
        });
        // a national document the hub no longer lists is withdrawn: kept, not shown
        var documentQuery = jdbc.sql("select id, pillar, title, share_with_network, national_force from guidance_document "
                + "where not withdrawn " + onlyDocument.replace("where", "and") + "order by title");
        return (id == null ? documentQuery : documentQuery.param("id", id))
                .query((rs, n) -> new Document(rs.getLong(1), Choice.fromCode(Pillar.class, rs.getString(2)),
                        rs.getString(3), rs.getBoolean(4), versions.getOrDefault(rs.getLong(1), List.of()),
                        rs.getString(5)))
                .list().stream().filter(d -> !d.versions().isEmpty()).toList();
    }

    @Transactional
    public long add(SoteriaUser user, Pillar pillar, String title, boolean share, String url, String summary,
            LocalDate publishedOn) {
        long id = jdbc.sql("insert into guidance_document (pillar, title, share_with_network, created_by) "
                        + "values (?, ?, ?, ?) returning id")
                .params(pillar.code(), title, share, user.getUsername()).query(Long.class).single();
        addVersion(user, id, url, summary, publishedOn);
        return id;
    }

    /** Publishes a new version of one of the force's own documents (national ones change only from the hub). */
    @Transactional
    public int addVersion(SoteriaUser user, long id, String url, String summary, LocalDate publishedOn) {
        if (document(id).map(Document::national).orElse(false)) {
            throw new org.soteria.platform.Invalid("document", "{guidanceError.national}");
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from guidance_version where document_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("insert into guidance_version (document_id, version, url, summary, published_on, published_by) "
                + "values (?, ?, ?, ?, ?, ?)").params(id, version, url, summary, publishedOn, user.getUsername()).update();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "guidance",
                Long.toString(id)).detail("guidance version " + version + " published"));
        return version;
    }
}
