package org.soteria.casework;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.soteria.investigation.InvestigationService;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device exhibits of a crime (a victim's only under an approved request), their triage and examination, and the
 * force's digital forensics queue.
 */
@Service
public class ForensicsService {

    /** The key of all devices together in the turnaround by triage level (the others are the levels' codes). */
    public static final String ALL = "all";

    private final CaseworkSupport support;
    private final DeviceRepository deviceRecords;
    private final MaterialRequestRepository requestRecords;
    private final InvestigationService investigations;

    ForensicsService(CaseworkSupport support, DeviceRepository deviceRecords, MaterialRequestRepository requestRecords, InvestigationService investigations) {
        this.support = support;
        this.deviceRecords = deviceRecords;
        this.requestRecords = requestRecords;
        this.investigations = investigations;
    }

    /** The devices page: the crime's exhibits and the requests a victim's device may go under. */
    public record Devices(Crime crime, List<DeviceRepository.Device> devices,
            List<MaterialRequestRepository.Request> deviceRequests, LocalDate today) {
    }

    public Optional<Devices> devices(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "device exhibits").map(crime -> new Devices(crime, deviceRecords.devices(crimeId),
                deviceRequests(crimeId), support.today()));
    }

    private List<MaterialRequestRepository.Request> deviceRequests(long crimeId) {
        return requestRecords.requests(crimeId).stream().filter(r -> r.material() == Codes.Material.PHONE_DOWNLOAD
                && EnumSet.of(Codes.RequestStatus.APPROVED, Codes.RequestStatus.SENT, Codes.RequestStatus.RETURNED)
                .contains(r.status())).toList();
    }

    /** A device as the form gave it. */
    public record DeviceForm(String exhibitRef, Codes.DeviceType type, Codes.DeviceOwner owner, Long requestId,
            LocalDate submittedOn) {
    }

    @Transactional
    public void addDevice(SoteriaUser user, long crimeId, DeviceForm f, Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.exhibitRef() == null) {
            errors.putIfAbsent("exhibitRef", "{caseworkError.enterTheExhibitReference}");
        } else if (f.exhibitRef().length() > 40) {
            errors.putIfAbsent("exhibitRef", "{caseworkError.exhibitReferenceMustBe40}");
        } else if (deviceRecords.exhibitExists(crimeId, f.exhibitRef())) {
            errors.putIfAbsent("exhibitRef", Fault.of("caseworkError.exhibitAlreadyRecorded", f.exhibitRef()));
        }
        if (f.type() == null) {
            errors.putIfAbsent("type", "{caseworkError.selectTheKindOfDevice}");
        }
        if (f.owner() == null) {
            errors.putIfAbsent("owner", "{caseworkError.selectWhoseDeviceItIs}");
        }
        if (f.owner() == Codes.DeviceOwner.VICTIM && (f.requestId() == null
                || deviceRequests(crimeId).stream().noneMatch(r -> r.id() == f.requestId()))) {
            errors.putIfAbsent("requestId", "{caseworkError.victimDeviceNeedsRequest}");
        }
        if (f.submittedOn() != null && f.submittedOn().isAfter(support.today())) {
            errors.putIfAbsent("submittedOn", "{caseworkError.dateSubmittedMustBeToday}");
        }
        CaseworkSupport.notBeforeRecording(crime, f.submittedOn(), "submittedOn", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        deviceRecords.insertDevice(crimeId, f.exhibitRef(), f.type(), f.owner(),
                f.owner() == Codes.DeviceOwner.VICTIM ? f.requestId() : null, f.submittedOn(), user.getUsername());
        support.changed(user, crime, List.of(), "device exhibit " + f.exhibitRef() + " submitted");
    }

    /** Moves a device to its next status on a date; triage needs a level. */
    @Transactional
    public void advanceDevice(SoteriaUser user, long crimeId, long deviceId, LocalDate on, Codes.Triage triage) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        DeviceRepository.Device d = deviceRecords.devices(crimeId).stream().filter(x -> x.id() == deviceId).findFirst()
                .orElseThrow(() -> new Invalid("device", "{caseworkError.deviceNotFound}"));
        Codes.DeviceStatus to = d.status().following();
        if (to == null) {
            throw new Invalid("on", "{caseworkError.thisDeviceHasAlreadyBeen}");
        }
        if (d.status() == Codes.DeviceStatus.AWAITING_TRIAGE && triage == null) {
            throw new Invalid("triage", "{caseworkError.selectTheTriageLevel}");
        }
        LocalDate last = java.util.stream.Stream.of(d.submittedOn(), d.triagedOn(), d.startedOn(), d.examinedOn())
                .filter(x -> x != null).max(Comparator.naturalOrder()).orElse(d.submittedOn());
        support.dated(on, last, "on", "field.date", "when.devicesLastStep");
        if (!deviceRecords.advanceDevice(d, to, on, d.status() == Codes.DeviceStatus.AWAITING_TRIAGE ? triage : null)) {
            throw new Invalid("on", "{caseworkError.theDeviceWasMovedOn}");
        }
        support.changed(user, crime, List.of(), "device " + d.exhibitRef() + ": " + to.code());
    }

    /** The force's digital forensics queue: devices waiting, and turnaround of those examined lately. */
    public record ForensicQueue(List<DeviceRepository.Device> waiting, Map<Codes.DeviceStatus, Long> waitingByStatus,
            Map<String, Distribution> turnaroundByTriage, Distribution waitingDays, LocalDate since, LocalDate today,
            Set<Long> openable) {

        /** Whether the user may open this device's crime, so that the queue links it. */
        public boolean canOpen(DeviceRepository.Device d) {
            return openable.contains(d.crimeId());
        }
    }

    /**
     * The force's queue: every device counts in the figures, but a restricted crime's device is listed only
     * to the crime's named users (its reference and exhibit are themselves sensitive).
     */

    public ForensicQueue forensicQueue(SoteriaUser user, int turnaroundDays) {
        LocalDate today = support.today();
        LocalDate since = today.minusDays(turnaroundDays);
        List<DeviceRepository.Device> rows = deviceRecords.forensicQueue(user.forceCode(), since);
        List<DeviceRepository.Device> allWaiting = rows.stream().filter(d -> d.examinedOn() == null).toList();
        Set<Long> openable = investigations.openable(user,
                allWaiting.stream().map(DeviceRepository.Device::crimeId).collect(java.util.stream.Collectors.toSet()));
        List<DeviceRepository.Device> waiting = allWaiting.stream()
                .filter(d -> !d.restricted() || openable.contains(d.crimeId())).toList();
        Map<Codes.DeviceStatus, Long> byStatus = new LinkedHashMap<>();
        for (Codes.DeviceStatus s : List.of(Codes.DeviceStatus.AWAITING_TRIAGE, Codes.DeviceStatus.AWAITING_EXAMINATION,
                Codes.DeviceStatus.IN_EXAMINATION)) {
            byStatus.put(s, allWaiting.stream().filter(d -> d.status() == s).count());
        }
        Map<String, Distribution> turnaround = new LinkedHashMap<>();
        for (Codes.Triage t : Codes.Triage.values()) {
            turnaround.put(t.code(), Distribution.of(rows.stream().filter(d -> d.examinedOn() != null && d.triage() == t)
                    .map(d -> (int) d.waitingDays(today)).sorted().toList()));
        }
        turnaround.put(ALL, Distribution.of(rows.stream().filter(d -> d.examinedOn() != null)
                .map(d -> (int) d.waitingDays(today)).sorted().toList()));
        Distribution waitingDays = Distribution.of(allWaiting.stream().map(d -> (int) d.waitingDays(today)).sorted().toList());
        return new ForensicQueue(waiting, byStatus, turnaround, waitingDays, since, today, openable);
    }
}
