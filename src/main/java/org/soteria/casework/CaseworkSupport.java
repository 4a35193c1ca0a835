package org.soteria.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.InvestigationService;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;

/**
 * What every kind of casework shares: reaching a crime through need-to-know (audited as a view), checking the
 * permission for a change and auditing it, the officers who may own work on a crime, today's date in London,
 * and the date and text checks the forms have in common.
 */
@org.springframework.stereotype.Component
class CaseworkSupport {

    /** Lines of enquiry and CPS actions show in the queue from this many days before they are due. */
    static final int DUE_SOON_DAYS = 7;
    /** Reviews show in the queue from this many days before they are due. */
    static final int REVIEW_SOON_DAYS = 2;
    /** Pre-charge bail beyond this many months from its start needs an authorising officer recorded. */
    static final int INITIAL_BAIL_MONTHS = 3;
    static final int TEXT_LIMIT = 4000;

    private final InvestigationService investigations;
    private final NeedToKnow needToKnow;
    private final AuditService audit;
    private final Clock clock;

    CaseworkSupport(InvestigationService investigations, NeedToKnow needToKnow, AuditService audit, Clock clock) {
        this.investigations = investigations;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    /** Opens a crime for a casework page; empty (and audited as refused) without need-to-know. */
    public Optional<Crime> open(long crimeId, SoteriaUser user, String page) {
        return investigations.open(crimeId, user, page).map(v -> new Crime(v.crime(), v.access()));
    }

    /** The crime for a change, when the user may see it and holds the permission; the change is audited by the caller. */
    Crime reach(long crimeId, SoteriaUser user, Permission permission) {
        if (!user.can(permission)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        return open(crimeId, user, "casework change").orElseThrow(() -> new Invalid("crime", "{caseworkError.crimeNotFound}"));
    }

    void changed(SoteriaUser user, Crime crime, List<String> people, String what) {
        List<String> records = new ArrayList<>(List.of(crime.record()));
        people.forEach(p -> records.add(InvestigationService.personRef(crime.detail().forceCode(), p)));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "crime", crime.record())
                .records(records).justification(crime.access().justification()).breakGlass(crime.access().breakGlass())
                .detail(what));
    }

    String officerOf(SoteriaUser user) {
        return needToKnow.scope(user).officerCode();
    }

    /** Officers who may own a line of enquiry or an action: the crime's team first, then the force. */
    public Map<String, String> officers(SoteriaUser user, Crime crime) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> teams = crime.detail().teamCode() == null ? List.of() : List.of(crime.detail().teamCode());
        for (Map<String, Object> o : investigations.officers(user, teams)) {
            out.put((String) o.get("officer_code"), (String) o.get("name"));
        }
        if (crime.detail().officerCode() != null) {
            out.putIfAbsent(crime.detail().officerCode(), crime.detail().officerName() == null
                    ? crime.detail().officerCode() : crime.detail().officerName());
        }
        return out;
    }

    /** Casework on a crime happens on or after the day it was recorded. */
    static void notBeforeRecording(Crime crime, LocalDate on, String field, Map<String, String> errors) {
        if (on != null && on.isBefore(crime.detail().recordedDate())) {
            errors.putIfAbsent(field, Fault.notBefore("field.date", "when.dayCrimeRecorded",
                    crime.detail().recordedDate()));
        }
    }

    static void required(Map<String, String> errors, String field, String value, String message) {
        if (value == null) {
            errors.putIfAbsent(field, message);
        } else if (value.length() > TEXT_LIMIT) {
            errors.putIfAbsent(field, Fault.of("form.thisTooLong", TEXT_LIMIT));
        }
    }

    /** A date given for a step: today or before, and not before {@code notBefore} ({@code what}: its message code). */
    void dated(LocalDate on, LocalDate notBefore, String field, String label, String what) {
        if (on == null) {
            throw new Invalid(field, Fault.enter(label));
        }
        if (on.isAfter(today())) {
            throw new Invalid(field, Fault.notFuture(label));
        }
        if (notBefore != null && on.isBefore(notBefore)) {
            throw new Invalid(field, Fault.notBefore(label, what, notBefore));
        }
    }
}
