package org.soteria.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.investigation.CaseDetail;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for the victim's material: nothing goes without a justification and a supervisor's approval (never
 * the requester's own), then sent and returned; and the force's figures for them.
 */
@Service
public class MaterialRequestService {

    private final CaseworkSupport support;
    private final MaterialRequestRepository requestRecords;
    private final PlanRepository planRecords;

    MaterialRequestService(CaseworkSupport support, MaterialRequestRepository requestRecords, PlanRepository planRecords) {
        this.support = support;
        this.requestRecords = requestRecords;
        this.planRecords = planRecords;
    }

    /** The requests page. */
    public record Requests(Crime crime, List<MaterialRequestRepository.Request> requests, List<PlanRepository.Line> lines,
            String user, boolean canDecide) {

        public String victimName(long ref) {
            return crime.person(ref, "victim").map(CaseDetail.CasePerson::name).orElse("(not a victim of this crime)");
        }

        public String lineText(long id) {
            return lines.stream().filter(l -> l.id() == id).map(PlanRepository.Line::description).findFirst()
                    .orElse("(line not found)");
        }

        public Optional<MaterialRequestRepository.Request> find(long id) {
            return requests.stream().filter(r -> r.id() == id).findFirst();
        }
    }

    public Optional<Requests> requests(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "requests for the victim's material").map(crime -> new Requests(crime,
                requestRecords.requests(crimeId), planRecords.lines(crimeId), user.getUsername(),
                user.can(Permission.REVIEW_INVESTIGATIONS)));
    }

    /** A request as the form gave it. */
    public record RequestForm(Long victimRef, Codes.Material material, Long lineId, String holder, String scope,
            String justification, String leastIntrusive, LocalDate victimInformedOn, Codes.VictimView victimView,
            String victimViewNote) {
    }

    /**
     * Records a request, which then waits for a supervisor: a victim of the crime, the material, the line of
     * enquiry it serves (open or done, on this crime), who holds it (for records), what exactly is asked for,
     * why it is necessary and proportionate, the less intrusive options considered, when the victim was told
     * and what they said (with their reasons when they object or set limits).
     */
    @Transactional
    public long addRequest(SoteriaUser user, long crimeId, RequestForm f, Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.victimRef() == null || crime.person(f.victimRef(), "victim").isEmpty()) {
            errors.putIfAbsent("victimRef", "{caseworkError.selectTheVictimWhoseMaterial}");
        }
        if (f.material() == null) {
            errors.putIfAbsent("material", "{caseworkError.selectTheMaterial}");
        }
        List<PlanRepository.Line> lines = planRecords.lines(crimeId);
        if (f.lineId() == null || lines.stream().noneMatch(l -> l.id() == f.lineId()
                && l.status() != Codes.LineStatus.NOT_PURSUED)) {
            errors.putIfAbsent("lineId", "{caseworkError.selectLineServed}");
        }
        if (f.material() != null && f.material() != Codes.Material.PHONE_DOWNLOAD && f.holder() == null) {
            errors.putIfAbsent("holder", "{caseworkError.enterWhoHoldsTheRecords}");
        }
        CaseworkSupport.required(errors, "scope", f.scope(), "{caseworkError.enterExactScope}");
        CaseworkSupport.required(errors, "justification", f.justification(),
                "{caseworkError.enterWhyNecessary}");
        CaseworkSupport.required(errors, "leastIntrusive", f.leastIntrusive(),
                "{caseworkError.enterLessIntrusive}");
        if (f.victimInformedOn() == null) {
            errors.putIfAbsent("victimInformedOn", "{caseworkError.enterTheDateTheVictim}");
        } else if (f.victimInformedOn().isAfter(support.today())) {
            errors.putIfAbsent("victimInformedOn", "{caseworkError.dateTheVictimWasTold}");
        }
        if (f.victimView() == null) {
            errors.putIfAbsent("victimView", "{caseworkError.selectWhatTheVictimSaid}");
        } else if ((f.victimView() == Codes.VictimView.OBJECTS || f.victimView() == Codes.VictimView.AGREES_WITH_LIMITS)
                && f.victimViewNote() == null) {
            errors.putIfAbsent("victimViewNote", "{caseworkError.enterVictimsView}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = requestRecords.insertRequest(new MaterialRequestRepository.Request(0, crimeId, f.victimRef(), f.material(),
                f.lineId(), f.holder(), f.scope(), f.justification(), f.leastIntrusive(), f.victimInformedOn(),
                f.victimView(), f.victimViewNote(), Codes.RequestStatus.AWAITING_APPROVAL, user.getUsername(), support.today(),
                null, null, null, null, null, null, null));
        support.changed(user, crime, List.of(crime.person(f.victimRef(), "victim").orElseThrow().personId()),
                "request " + id + " for " + f.material().code() + " awaiting approval");
        return id;
    }

    private MaterialRequestRepository.Request request(long crimeId, long requestId) {
        return requestRecords.request(crimeId, requestId).orElseThrow(() -> new Invalid("request", "{caseworkError.requestNotFound}"));
    }

    private List<String> victimOf(Crime crime, MaterialRequestRepository.Request r) {
        return crime.person(r.personRef(), "victim").map(p -> List.of(p.personId())).orElse(List.of());
    }

    /**
     * A supervisor approves or refuses a request awaiting approval. No one decides their own request; a
     * refusal needs a reason, and so does an approval the victim objects to.
     */
    @Transactional
    public void decide(SoteriaUser user, long crimeId, long requestId, Codes.Decision decision, String note) {
        Crime crime = support.reach(crimeId, user, Permission.REVIEW_INVESTIGATIONS);
        MaterialRequestRepository.Request r = request(crimeId, requestId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.status() != Codes.RequestStatus.AWAITING_APPROVAL) {
            errors.put("decision", "{caseworkError.thisRequestHasAlreadyBeen}");
        } else if (r.requestedBy().equals(user.getUsername())) {
            errors.put("decision", "{caseworkError.youMadeThisRequestAnother}");
        }
        if (decision == null) {
            errors.putIfAbsent("decision", "{caseworkError.selectWhetherYouApproveOr}");
        } else if (note == null && decision == Codes.Decision.REFUSED) {
            errors.put("note", "{caseworkError.enterWhyTheRequestIs}");
        } else if (note == null && r.victimView() == Codes.VictimView.OBJECTS) {
            errors.put("note", "{caseworkError.enterWhyTheRequestGoes}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (!requestRecords.decide(r, decision, user.getUsername(), support.today(), note)) {
            throw new Invalid("decision", "{caseworkError.thisRequestHasAlreadyBeen}");
        }
        support.changed(user, crime, victimOf(crime, r), "request " + requestId + " " + decision.code());
    }

    /** Records that an approved request went to the holder (or the device to the examiners). */
    @Transactional
    public void markSent(SoteriaUser user, long crimeId, long requestId, LocalDate on) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        MaterialRequestRepository.Request r = request(crimeId, requestId);
        if (r.status() != Codes.RequestStatus.APPROVED) {
            throw new Invalid("sentOn", r.status() == Codes.RequestStatus.AWAITING_APPROVAL
                    ? "{caseworkError.requestAwaitsApproval}" : "{caseworkError.onlyApprovedCanBeSent}");
        }
        support.dated(on, r.decidedOn(), "sentOn", "field.dateSent", "when.dayItWasApproved");
        if (!requestRecords.markSent(r, on)) {
            throw new Invalid("sentOn", "{caseworkError.onlyAnApprovedRequestCan}");
        }
        support.changed(user, crime, victimOf(crime, r), "request " + requestId + " sent on " + on);
    }

    @Transactional
    public void markReturned(SoteriaUser user, long crimeId, long requestId, LocalDate on) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        MaterialRequestRepository.Request r = request(crimeId, requestId);
        if (r.status() != Codes.RequestStatus.SENT) {
            throw new Invalid("returnedOn", "{caseworkError.onlyARequestThatWas}");
        }
        support.dated(on, r.sentOn(), "returnedOn", "field.dateReturned", "when.dayItWasSent");
        requestRecords.markReturned(r, on);
        support.changed(user, crime, victimOf(crime, r), "request " + requestId + " returned on " + on);
    }

    @Transactional
    public void withdraw(SoteriaUser user, long crimeId, long requestId, String reason) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        MaterialRequestRepository.Request r = request(crimeId, requestId);
        if (!r.status().live()) {
            throw new Invalid("reason", Fault.of("caseworkError.cannotWithdraw", Fault.choice(r.status())));
        }
        if (reason == null) {
            throw new Invalid("reason", "{caseworkError.enterWhyTheRequestIs2}");
        }
        requestRecords.withdraw(r, reason);
        support.changed(user, crime, victimOf(crime, r), "request " + requestId + " withdrawn");
    }

    /** Figures for requests made and material returned in a period, for the user's force. */
    public record RequestFigures(LocalDate from, LocalDate to, Map<Codes.RequestStatus, Long> byStatus,
            Map<Codes.Material, Long> byMaterial, long requested, Distribution daysToReturn,
            Distribution victimDeviceDays) {
    }

    public RequestFigures requestFigures(SoteriaUser user, LocalDate from, LocalDate to) {
        MaterialRequestRepository.RequestFigures f = requestRecords.requestFigures(user.forceCode(), from, to);
        Map<Codes.RequestStatus, Long> byStatus = new LinkedHashMap<>();
        for (Codes.RequestStatus s : Codes.RequestStatus.values()) {
            byStatus.put(s, f.byStatus().getOrDefault(s.code(), 0L));
        }
        Map<Codes.Material, Long> byMaterial = new LinkedHashMap<>();
        for (Codes.Material m : Codes.Material.values()) {
            byMaterial.put(m, f.byMaterial().getOrDefault(m.code(), 0L));
        }
        long requested = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new RequestFigures(from, to, byStatus, byMaterial, requested, Distribution.of(f.daysToReturn()),
                Distribution.of(f.victimDeviceDays()));
    }
}
