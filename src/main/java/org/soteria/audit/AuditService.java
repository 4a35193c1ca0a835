package org.soteria.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.platform.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log of DPA 2018 s.62: every consultation, disclosure, collection, alteration and
 * erasure of personal data, and the security events beside them. Each record is chained to the one
 * before (ADR 5) and committed by the {@link AuditWriter} apart from the work it describes, so it is
 * kept even when that work fails; the caller waits for the commit, and a failure to write fails the
 * request: nothing is shown that is not logged.
 */
@Service
public class AuditService {

    /** Request attribute holding the request id (set by the web layer, echoed as X-Request-Id). */
    public static final String REQUEST_ID = AuditService.class.getName() + ".requestId";

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);

    private final AuditRepository repository;
    private final AuditWriter writer;
    private final Clock clock;

    private final boolean benchmarkBaseline;
    private final FieldCipher cipher;

    public AuditService(AuditRepository repository, AuditWriter writer, Clock clock, FieldCipher cipher,
            @Value("${soteria.bench.skip-audit:false}") boolean skipAudit, @Value("${soteria.demo:false}") boolean demo) {
        this.repository = repository;
        this.cipher = cipher;
        this.writer = writer;
        this.clock = clock;
        if (skipAudit && !demo) {
            throw new IllegalStateException("soteria.bench.skip-audit is for the audit benchmark on demo data only; "
                    + "Soteria will not run real data without its audit log");
        }
        if (skipAudit) {
            LOG.warn("BENCHMARK BASELINE: audit records are NOT written (soteria.bench.skip-audit, demo data only)");
        }
        this.benchmarkBaseline = skipAudit;
    }

    /**
     * Writes one record and returns it. Only the audit benchmark's baseline run (demo data, an explicit
     * switch) skips the write, and then returns null.
     */
    public AuditRecord record(AuditEntry e) {
        if (benchmarkBaseline) {
            return null;
        }
        String source = null;
        String requestId = null;
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            source = request.getRemoteAddr();
            Object id = request.getAttribute(REQUEST_ID);
            requestId = id == null ? null : id.toString();
        } else {
            source = "command line";
        }
        String from = source;
        String request = requestId;
        Instant at = AuditChain.storedPrecision(clock.instant());
        return writer.append(new AuditRecord(0, at, e.username(), e.userRole(), e.action().name(),
                e.action().operation().code(), e.objectType(), e.objectRef(), e.records(), e.justification(),
                e.breakGlass(), from, request, e.detail(), null, null));
    }

    /** A signed checkpoint as it leaves the force for a witness (the learning network's hub). */
    public record SignedCheckpoint(long seq, String hash, java.time.Instant at, String keyId, String signature) {
    }

    /** The latest signed checkpoint of the log, if any. */
    public java.util.Optional<SignedCheckpoint> latestCheckpoint() {
        return repository.lastCheckpoint().map(c -> new SignedCheckpoint(c.seq(),
                java.util.HexFormat.of().formatHex(c.hash()), c.at(), c.keyId(),
                java.util.Base64.getEncoder().encodeToString(c.signature())));
    }

    /** Whether the log still holds record {@code seq} with this hash (a witness's copy names it). */
    public boolean holds(long seq, String hashHex) {
        return repository.hashOf(seq).map(h -> java.util.HexFormat.of().formatHex(h).equals(hashHex)).orElse(false);
    }

    /** The prefix an auditor types before a search term to find who searched for it. */
    public static final String SEARCH_TERM_PREFIX = "search:";

    /**
     * What the log keeps of a search term a user typed (a name, a reference): not the term, which may name a victim,
     * but a keyed hash of it as a record reference ({@code NWP:search:<hash>}). An auditor who asks who searched for
     * a name types it and gets the same reference; nobody reading the log without the index key can recover it.
     */
    public String searchTermRef(String forceCode, String term) {
        String normalised = FieldCipher.normaliseName(term);
        String hash = cipher.index("audit search term\u0000" + (normalised == null ? "" : normalised));
        return forceCode + ":" + SEARCH_TERM_PREFIX + hash.substring(0, 32);
    }

    /** Shorthand for an entry with no records list, justification or break-glass. */
    public void record(String username, String userRole, AuditAction action, String objectType, String objectRef,
            String detail) {
        record(AuditEntry.of(username, userRole, action, objectType, objectRef).detail(detail));
    }

    /** A page of matching records, newest first. */
    public List<AuditRecord> search(AuditQuery query, int page, int pageSize) {
        return repository.search(query, pageSize, Math.max(0, page - 1) * pageSize);
    }

    /** How many records match, counted no further than {@code cap}. */
    public long count(AuditQuery query, long cap) {
        return repository.count(query, cap);
    }

    /** Streams every matching record, oldest first. The caller records the disclosure. */
    public void forEachMatching(AuditQuery query, java.util.function.Consumer<AuditRecord> each) {
        repository.forEachMatching(query, each);
    }

    /** How many entries name this object; used by tests and the audit pages. */
    public long countFor(String objectType, String objectRef, AuditAction action) {
        return repository.count(objectType, objectRef, action.name());
    }
}
