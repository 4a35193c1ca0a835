package org.soteria.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.investigation.CaseDetail;
import org.soteria.investigation.CrimeEvents;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.suspect.SuspectService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-charge bail and release under investigation: periods, their key events on the timeline, conditions as
 * orders, and alerts before they end.
 */
@Service
public class BailService {

    private final CaseworkSupport support;
    private final BailRepository bailRecords;
    private final SuspectService suspects;
    private final CrimeEvents events;
    private final BailAlerts bailAlerts;

    BailService(CaseworkSupport support, BailRepository bailRecords, SuspectService suspects, CrimeEvents events,
            @Value("${soteria.casework.bail-warning-days:14}") int bailWarningDays) {
        this.support = support;
        this.bailRecords = bailRecords;
        this.suspects = suspects;
        this.events = events;
        this.bailAlerts = new BailAlerts(bailWarningDays);
    }

    public int bailWarningDays() {
        return bailAlerts.warningDays();
    }

    BailAlerts alerts() {
        return bailAlerts;
    }

    /** A bail or RUI period with its alerts and the breaches of its conditions. */
    public record BailRow(BailRepository.Bail bail, String suspectName, List<BailAlerts.Alert> alerts,
            List<LocalDate> breaches) {
    }

    public record BailPage(Crime crime, List<BailRow> periods, LocalDate today, int warningDays) {
    }

    public Optional<BailPage> bail(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "bail and RUI").map(crime -> {
            LocalDate today = support.today();
            List<BailRow> rows = bailRecords.bail(crimeId).stream().map(b -> new BailRow(b,
                    crime.person(b.personRef(), "suspect").map(CaseDetail.CasePerson::name).orElse("(suspect)"),
                    bailAlerts.of(b.period(), today),
                    b.orderId() == null ? List.of() : suspects.breachDates(b.orderForce(), b.orderId()))).toList();
            return new BailPage(crime, rows, today, bailAlerts.warningDays());
        });
    }

    /** Bail or RUI as the form gave it. */
    public record BailForm(Long suspectRef, Codes.BailKind kind, LocalDate startedOn, LocalDate expiresOn,
            LocalDate reviewOn, String authorisedBy, String conditions) {
    }

    /**
     * Records bail or release under investigation for a suspect of the crime, ending the suspect's current
     * period on this crime, and writes the key event ({@code bail} or {@code released_under_investigation})
     * that the victim must be told of. Bail conditions become an order so that breaches are recorded there.
     */
    @Transactional
    public void addBail(SoteriaUser user, long crimeId, BailForm f, Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.suspectRef() == null || crime.person(f.suspectRef(), "suspect").isEmpty()) {
            errors.putIfAbsent("suspectRef", "{caseworkError.selectTheSuspect}");
        }
        if (f.kind() == null) {
            errors.putIfAbsent("kind", "{caseworkError.selectBailOrReleaseUnder}");
        }
        if (f.startedOn() != null && f.startedOn().isAfter(support.today())) {
            errors.putIfAbsent("startedOn", "{caseworkError.startDateMustBeToday}");
        } else if (f.startedOn() != null && f.startedOn().isBefore(crime.detail().recordedDate())) {
            errors.putIfAbsent("startedOn", Fault.notBefore("field.startDate", "when.dayCrimeRecorded",
                    crime.detail().recordedDate()));
        }
        if (f.kind() == Codes.BailKind.BAIL) {
            if (f.expiresOn() == null) {
                errors.putIfAbsent("expiresOn", "{caseworkError.enterTheDateBailEnds}");
            } else if (f.startedOn() != null && !f.expiresOn().isAfter(f.startedOn())) {
                errors.putIfAbsent("expiresOn", "{caseworkError.bailEndDateMustBe}");
            } else if (f.startedOn() != null && f.expiresOn().isAfter(f.startedOn().plusMonths(CaseworkSupport.INITIAL_BAIL_MONTHS))
                    && f.authorisedBy() == null) {
                errors.putIfAbsent("authorisedBy", Fault.of("caseworkError.bailBeyondNeedsAuthority",
                        CaseworkSupport.INITIAL_BAIL_MONTHS));
            }
        } else if (f.kind() == Codes.BailKind.RUI) {
            if (f.expiresOn() != null) {
                errors.putIfAbsent("expiresOn", "{caseworkError.ruiNoEndDateSetReview}");
            }
            if (f.reviewOn() == null) {
                errors.putIfAbsent("reviewOn", "{caseworkError.enterWhenTheReleaseUnder}");
            }
            if (f.conditions() != null) {
                errors.putIfAbsent("conditions", "{caseworkError.releaseUnderInvestigationCarriesNo}");
            }
        }
        if (f.reviewOn() != null && f.startedOn() != null && f.reviewOn().isBefore(f.startedOn())) {
            errors.putIfAbsent("reviewOn", "{caseworkError.reviewDateMustBeOn}");
        }
        if (f.conditions() != null && f.conditions().length() > CaseworkSupport.TEXT_LIMIT) {
            errors.putIfAbsent("conditions", Fault.tooLong("field.conditions", CaseworkSupport.TEXT_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        CaseDetail.CasePerson suspect = crime.person(f.suspectRef(), "suspect").orElseThrow();
        for (BailRepository.Bail open : bailRecords.bail(crimeId)) {
            if (open.personRef() == f.suspectRef() && open.endedOn() == null) {
                endPeriod(user, open, f.startedOn(), f.kind() == Codes.BailKind.BAIL ? Codes.BailEnd.BAILED
                        : Codes.BailEnd.RELEASED_UNDER_INVESTIGATION);
            }
        }
        String orderId = null;
        if (f.conditions() != null) {
            orderId = suspects.recordBailConditions(user, f.suspectRef(), f.startedOn(), f.expiresOn(), f.conditions());
        }
        bailRecords.insertBail(crimeId, f.suspectRef(), f.kind(), f.startedOn(), f.expiresOn(), f.reviewOn(),
                f.authorisedBy(), orderId == null ? null : crime.detail().forceCode(), orderId, user.getUsername());
        events.addOnDay(crimeId, f.kind() == Codes.BailKind.BAIL ? "bail" : "released_under_investigation", f.startedOn(),
                f.suspectRef(), support.officerOf(user), null);
        support.changed(user, crime, List.of(suspect.personId()), f.kind().code() + " from " + f.startedOn());
    }

    private BailRepository.Bail openPeriod(long crimeId, long bailId) {
        return bailRecords.bail(crimeId).stream().filter(b -> b.id() == bailId && b.endedOn() == null).findFirst()
                .orElseThrow(() -> new Invalid("bail", "{caseworkError.thisPeriodHasEndedOr}"));
    }

    /** Extends bail or changes its review date; a new end date writes a {@code bail_change} event. */
    @Transactional
    public void changeBail(SoteriaUser user, long crimeId, long bailId, LocalDate expires, LocalDate review,
            String authorisedBy, Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        BailRepository.Bail b = openPeriod(crimeId, bailId);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        LocalDate newExpiry = b.kind() == Codes.BailKind.BAIL && expires != null ? expires : b.expiresOn();
        if (b.kind() == Codes.BailKind.BAIL && expires != null && !expires.isAfter(b.startedOn())) {
            errors.putIfAbsent("expiresOn", Fault.of("caseworkError.bailEndAfterStart", Fault.date(b.startedOn())));
        } else if (b.kind() == Codes.BailKind.BAIL && newExpiry.isAfter(b.startedOn().plusMonths(CaseworkSupport.INITIAL_BAIL_MONTHS))
                && authorisedBy == null && b.authorisedBy() == null) {
            errors.putIfAbsent("authorisedBy", Fault.of("caseworkError.bailBeyondNeedsAuthority",
                    CaseworkSupport.INITIAL_BAIL_MONTHS));
        }
        if (b.kind() == Codes.BailKind.RUI && expires != null) {
            errors.putIfAbsent("expiresOn", "{caseworkError.releaseUnderInvestigationHasNo}");
        }
        if (review != null && review.isBefore(b.startedOn())) {
            errors.putIfAbsent("reviewOn", Fault.notBefore("field.reviewDate", "when.startDate", b.startedOn()));
        }
        if (b.kind() == Codes.BailKind.RUI && review == null) {
            errors.putIfAbsent("reviewOn", "{caseworkError.enterWhenTheReleaseUnder}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        boolean extended = b.kind() == Codes.BailKind.BAIL && !newExpiry.equals(b.expiresOn());
        bailRecords.changeBail(bailId, newExpiry, review, authorisedBy);
        if (extended) {
            if (b.orderId() != null) {
                suspects.changeBailConditionsExpiry(user, b.personRef(), b.orderForce(), b.orderId(), newExpiry);
            }
            events.addOnDay(crimeId, "bail_change", support.today(), b.personRef(), support.officerOf(user), null);
        }
        support.changed(user, crime, personIds(crime, b), (extended ? "bail extended to " + newExpiry + "; " : "")
                + "review " + review);
    }

    private static List<String> personIds(Crime crime, BailRepository.Bail b) {
        return crime.person(b.personRef(), "suspect").map(p -> List.of(p.personId())).orElse(List.of());
    }

    /** Ends bail or RUI: charged, no further action, bail cancelled or another reason. */
    @Transactional
    public void endBail(SoteriaUser user, long crimeId, long bailId, LocalDate on, Codes.BailEnd reason,
            Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        BailRepository.Bail b = openPeriod(crimeId, bailId);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (on != null && on.isAfter(support.today())) {
            errors.putIfAbsent("endedOn", "{caseworkError.endDateMustBeToday}");
        } else if (on != null && on.isBefore(b.startedOn())) {
            errors.putIfAbsent("endedOn", Fault.notBefore("field.endDate", "when.startDate", b.startedOn()));
        }
        if (reason == null) {
            errors.putIfAbsent("endReason", "{caseworkError.selectWhyItEnded}");
        } else if (reason == Codes.BailEnd.BAILED || reason == Codes.BailEnd.RELEASED_UNDER_INVESTIGATION) {
            errors.putIfAbsent("endReason", "{caseworkError.recordTheNewPeriod}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        endPeriod(user, b, on, reason);
        support.changed(user, crime, personIds(crime, b), b.kind().code() + " ended on " + on + ": " + reason.code());
    }

    private void endPeriod(SoteriaUser user, BailRepository.Bail b, LocalDate on, Codes.BailEnd reason) {
        bailRecords.endBail(b.id(), on, reason);
        if (b.orderId() != null) {
            suspects.changeBailConditionsExpiry(user, b.personRef(), b.orderForce(), b.orderId(), on);
        }
    }
}
