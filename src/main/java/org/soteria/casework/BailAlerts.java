package org.soteria.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.soteria.platform.Fault;

/**
 * What needs doing about a suspect's pre-charge bail or release under investigation: bail about to
 * expire (within the warning period), bail that has expired with no decision recorded, and a review
 * date that has come or is near. Ended periods need nothing.
 */
public final class BailAlerts {

    /** How many days before a review date it is flagged. */
    static final int REVIEW_WARNING_DAYS = 7;

    /** The kind of alert, most urgent first. */
    public enum Kind {
        LAPSED, EXPIRES_SOON, REVIEW_OVERDUE, REVIEW_DUE
    }

    /** One alert with the date it is about and a sentence for the queue. */
    public record Alert(Kind kind, LocalDate date, String message) {
    }

    /** The facts of a period the alerts depend on. */
    public record Period(Codes.BailKind kind, LocalDate startedOn, LocalDate expiresOn, LocalDate reviewOn,
            LocalDate endedOn) {
    }

    private final int warningDays;

    /** @param warningDays how many days before expiry bail is flagged (0 or more) */
    public BailAlerts(int warningDays) {
        if (warningDays < 0) {
            throw new IllegalArgumentException("The bail warning period must be 0 days or more");
        }
        this.warningDays = warningDays;
    }

    public int warningDays() {
        return warningDays;
    }

    public List<Alert> of(Period p, LocalDate today) {
        List<Alert> out = new ArrayList<>();
        if (p.endedOn() != null) {
            return out;
        }
        if (p.kind() == Codes.BailKind.BAIL && p.expiresOn() != null) {
            long days = ChronoUnit.DAYS.between(today, p.expiresOn());
            if (days < 0) {
                out.add(new Alert(Kind.LAPSED, p.expiresOn(), Fault.of("caseworkAlert.bailLapsed",
                        Fault.date(p.expiresOn()))));
            } else if (days <= warningDays) {
                out.add(new Alert(Kind.EXPIRES_SOON, p.expiresOn(), days == 0 ? "{caseworkAlert.bailExpiresToday}"
                        : Fault.of("caseworkAlert.bailExpiresIn", Fault.count(days), Fault.date(p.expiresOn()))));
            }
        }
        if (p.reviewOn() != null) {
            long days = ChronoUnit.DAYS.between(today, p.reviewOn());
            if (days < 0) {
                out.add(new Alert(Kind.REVIEW_OVERDUE, p.reviewOn(), Fault.of("caseworkAlert.reviewWasDue", Fault.date(p.reviewOn()))));
            } else if (days <= REVIEW_WARNING_DAYS) {
                out.add(new Alert(Kind.REVIEW_DUE, p.reviewOn(), days == 0 ? "{caseworkAlert.reviewDueToday}"
                        : Fault.of("caseworkAlert.reviewDueOn", Fault.date(p.reviewOn()))));
            }
        }
        return out;
    }
}
