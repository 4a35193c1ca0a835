package org.soteria.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit log of DPA 2018 s.62: every consultation, disclosure, collection, alteration and
 * erasure of personal data, and the security events beside them. Each record is chained to the one
 * before (ADR 5) in a transaction of its own, so a record is written even when the work it describes
 * later fails, and a failure to write it fails the request: nothing is shown that is not logged.
 */
@Service
public class AuditService {

    /** Request attribute holding the request id (set by the web layer, echoed as X-Request-Id). */
    public static final String REQUEST_ID = AuditService.class.getName() + ".requestId";

    private final AuditRepository repository;
    private final Clock clock;
    private final TransactionTemplate tx;

    public AuditService(AuditRepository repository, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public AuditRecord record(AuditEntry e) {
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
        return tx.execute(status -> {
            AuditRepository.Head head = repository.lockHead();
            Instant at = AuditChain.storedPrecision(clock.instant());
            AuditRecord unhashed = new AuditRecord(head.seq() + 1, at, e.username(), e.userRole(), e.action().name(),
                    e.action().operation().code(), e.objectType(), e.objectRef(), e.records(), e.justification(),
                    e.breakGlass(), from, request, e.detail(), head.hash(), null);
            AuditRecord r = unhashed.withHash(AuditChain.hash(head.hash(), unhashed));
            repository.insert(r);
            return r;
        });
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
