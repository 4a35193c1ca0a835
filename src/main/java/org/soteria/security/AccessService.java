package org.soteria.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to who may see a crime: a supervisor's grants (with an end date), and break-glass, an
 * officer's emergency access for one hour with a written reason that auditors are alerted to review.
 * Every change is written to the audit log.
 */
@Service
public class AccessService {

    /** How long a break-glass access lasts. */
    public static final Duration BREAK_GLASS_PERIOD = Duration.ofHours(1);
    /** The longest a grant may run. */
    public static final int MAX_GRANT_DAYS = 90;
    public static final int MIN_REASON = 20;
    /** The most characters a reason for access, or an auditor's finding on a break-glass, takes. */
    public static final int MAX_REASON = 2000;

    private final AccessRepository access;
    private final NeedToKnow needToKnow;
    private final AuditService audit;
    private final Clock clock;

    public AccessService(AccessRepository access, NeedToKnow needToKnow, AuditService audit, Clock clock) {
        this.access = access;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request that was refused, with the field at fault and the message to show beside it. */
    public static final class Refused extends RuntimeException {
        private final String field;

        public Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Whether this user may manage access to this crime: they supervise its team. */
    public boolean canManage(SoteriaUser user, long crimeId) {
        return user.can(Permission.GRANT_ACCESS) && access.crime(crimeId)
                .filter(c -> !c.restricted())
                .map(c -> needToKnow.supervises(user, c.forceCode(), c.teamCode())).orElse(false);
    }

    public List<AccessGrant> grants(long crimeId) {
        return access.grants(crimeId);
    }

    @Transactional
    public AccessGrant grant(SoteriaUser supervisor, long crimeId, String username, LocalDate until, String reason) {
        AccessRepository.CrimeScope crime = access.crime(crimeId).filter(c -> canManage(supervisor, crimeId))
                .orElseThrow(() -> new Refused("crime", "{accessError.onlyTeamsYouSupervise}"));
        String who = username == null ? "" : username.trim();
        if (who.isEmpty()) {
            throw new Refused("username", "{accessError.chooseWho}");
        }
        AccessRepository.Account account = access.account(who).filter(a -> crime.forceCode().equals(a.forceCode()))
                .orElseThrow(() -> new Refused("username", Fault.of("accessError.noSuchUser", who,
                        crime.forceCode())));
        if (!Permission.VIEW_CASES.grantedTo(account.role())) {
            throw new Refused("username", Fault.of("accessError.roleCannotOpenCases", who,
                    "~role." + account.role().code()));
        }
        LocalDate today = LocalDate.now(clock);
        if (until == null) {
            throw new Refused("until", "{accessError.enterEndDate}");
        }
        if (!until.isAfter(today)) {
            throw new Refused("until", "{accessError.endInFuture}");
        }
        if (until.isAfter(today.plusDays(MAX_GRANT_DAYS))) {
            throw new Refused("until", Fault.of("accessError.atMostDays", MAX_GRANT_DAYS));
        }
        String why = reason == null ? "" : reason.trim();
        if (why.length() < MIN_REASON) {
            throw new Refused("reason", Fault.of("accessError.sayWhy", MIN_REASON));
        }
        if (why.length() > MAX_REASON) {
            throw new Refused("reason", Fault.tooLong("field.reason", MAX_REASON));
        }
        Instant now = clock.instant();
        Instant end = until.plusDays(1).atStartOfDay(DatabaseConfig.LONDON).toInstant();
        long id = access.insertGrant(crimeId, who, supervisor.getUsername(), why, now, end);
        audit.record(AuditEntry.of(supervisor.getUsername(), supervisor.role().code(), AuditAction.GRANT, "crime",
                        crime.forceCode() + ":" + crime.crimeRef())
                .records(List.of(crime.forceCode() + ":" + crime.crimeRef()))
                .justification("supervises team " + crime.teamCode())
                .detail("access for " + who + " until the end of " + until + ": " + why));
        return new AccessGrant(id, who, supervisor.getUsername(), why, now, end, null, null);
    }

    @Transactional
    public void revoke(SoteriaUser supervisor, long crimeId, long grantId) {
        AccessRepository.CrimeScope crime = access.crime(crimeId).filter(c -> canManage(supervisor, crimeId))
                .orElseThrow(() -> new Refused("crime", "{accessError.changeOnlyTeamsYouSupervise}"));
        if (access.revokeGrant(grantId, crimeId, supervisor.getUsername(), clock.instant()) == 0) {
            throw new Refused("grant", "{accessError.alreadyEnded}");
        }
        audit.record(AuditEntry.of(supervisor.getUsername(), supervisor.role().code(), AuditAction.REVOKE, "crime",
                        crime.forceCode() + ":" + crime.crimeRef())
                .records(List.of(crime.forceCode() + ":" + crime.crimeRef()))
                .justification("supervises team " + crime.teamCode()).detail("grant " + grantId + " withdrawn"));
    }

    /**
     * Opens a crime of the user's force for one hour. The reason is written to the audit log and the
     * auditors' queue. Restricted crimes cannot be opened this way: they are for named users only.
     * Returns the crime's id.
     */
    @Transactional
    public long breakGlass(SoteriaUser user, String crimeRef, String reason) {
        if (!user.can(Permission.BREAK_GLASS) || user.forceCode() == null) {
            throw new Refused("crimeRef", "{breakGlass.error.role}");
        }
        String ref = crimeRef == null ? "" : crimeRef.trim();
        if (ref.isEmpty()) {
            throw new Refused("crimeRef", "{breakGlass.error.noReference}");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.length() < MIN_REASON) {
            throw new Refused("reason", "{breakGlass.error.reasonTooShort|" + MIN_REASON + "}");
        }
        if (why.length() > MAX_REASON) {
            throw new Refused("reason", Fault.tooLong("field.reason", MAX_REASON));
        }
        AccessRepository.CrimeScope crime = access.crimeByRef(user.forceCode(), ref).filter(c -> !c.restricted())
                .orElseThrow(() -> {
                    audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "crime",
                            user.forceCode() + ":" + ref).breakGlass(true)
                            .detail("break-glass refused: no such unrestricted crime; reason given: " + why));
                    return new Refused("crimeRef", "{breakGlass.error.noSuchCrime|" + ref + "|"
                            + user.forceCode() + "}");
                });
        if (needToKnow.access(user, crime.id()).filter(a -> !a.breakGlass()).isPresent()) {
            throw new Refused("crimeRef", "{breakGlass.error.alreadyOpen|" + crime.crimeRef() + "}");
        }
        Instant now = clock.instant();
        access.insertBreakGlass(crime.id(), user.getUsername(), why, now, now.plus(BREAK_GLASS_PERIOD));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.BREAK_GLASS, "crime",
                        crime.forceCode() + ":" + crime.crimeRef())
                .records(List.of(crime.forceCode() + ":" + crime.crimeRef())).justification("break-glass: " + why)
                .breakGlass(true).detail("access for one hour"));
        return crime.id();
    }

    /**
     * Names (or with {@code add} false, un-names) a user on a restricted crime: an administrator's task
     * on the server's command line, since nobody else can see the crime to do it.
     */
    @Transactional
    public void nameOnRestricted(String by, String forceCode, String crimeRef, String username, boolean add) {
        AccessRepository.CrimeScope crime = access.crimeByRef(forceCode, crimeRef)
                .orElseThrow(() -> new Refused("crimeRef", "There is no crime " + crimeRef + " in " + forceCode));
        if (!crime.restricted()) {
            throw new Refused("crimeRef", crimeRef + " is not restricted: its team and grants decide who sees it");
        }
        AccessRepository.Account account = access.account(username).filter(a -> forceCode.equals(a.forceCode()))
                .orElseThrow(() -> new Refused("username", "There is no active user called " + username + " in "
                        + forceCode));
        if (add && !Permission.VIEW_CASES.grantedTo(account.role())) {
            throw new Refused("username", username + "'s role cannot open cases");
        }
        int changed = add ? access.name(crime.id(), username, by, clock.instant())
                : access.unname(crime.id(), username);
        if (changed == 0) {
            throw new Refused("username", username + (add ? " is already named on " : " is not named on ") + crimeRef);
        }
        audit.record(AuditEntry.of(by, null, add ? AuditAction.GRANT : AuditAction.REVOKE, "crime",
                        forceCode + ":" + crime.crimeRef())
                .records(List.of(forceCode + ":" + crime.crimeRef()))
                .detail((add ? "named " : "un-named ") + username + " on a restricted crime"));
    }

    public List<BreakGlassAccess> breakGlassAccesses(boolean unreviewedOnly, int page, int pageSize) {
        return access.breakGlass(unreviewedOnly, pageSize, Math.max(0, page - 1) * pageSize);
    }

    public long unreviewedBreakGlass() {
        return access.countUnreviewedBreakGlass();
    }

    @Transactional
    public void reviewBreakGlass(SoteriaUser auditor, long id, String note) {
        String text = note == null ? "" : note.trim();
        if (text.isEmpty()) {
            throw new Refused("note", "{breakGlass.error.noFinding}");
        }
        if (text.length() > MAX_REASON) {
            throw new Refused("note", Fault.tooLong("field.finding", MAX_REASON));
        }
        if (access.reviewBreakGlass(id, auditor.getUsername(), text, clock.instant()) == 0) {
            throw new Refused("note", "{breakGlass.error.reviewed}");
        }
        audit.record(AuditEntry.of(auditor.getUsername(), auditor.role().code(), AuditAction.ACCOUNT_CHANGE,
                "break_glass", Long.toString(id)).detail("reviewed: " + text));
    }
}
