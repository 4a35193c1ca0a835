package org.soteria.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.performance.MeasureEngine;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers' development and load: training and accreditation, learning plans, caseload with the
 * force's threshold, abstraction, and team readiness. An officer works with their own record;
 * supervisors with their teams' officers; the force lead with every team. Reads of another officer's
 * record and every change are audited.
 */
@Service
public class WorkforceService {

    /** How far ahead an accreditation counts as "expiring soon". */
    public static final int EXPIRING_WITHIN_DAYS = 90;

    private final WorkforceRepository repository;
    private final NeedToKnow needToKnow;
    private final AuditService audit;
    private final Clock clock;
    private final int caseloadThreshold;

    WorkforceService(WorkforceRepository repository, NeedToKnow needToKnow, AuditService audit, Clock clock,
            MeasureEngine.Settings settings) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
        this.caseloadThreshold = settings.caseloadThreshold();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    public int caseloadThreshold() {
        return caseloadThreshold;
    }

    /** The user's own officer code, if their account is linked to one. */
    public Optional<String> ownOfficer(SoteriaUser user) {
        return Optional.ofNullable(needToKnow.scope(user).officerCode());
    }

    /** The teams whose officers a user manages: those they supervise, or every team for the force lead. */
    List<String> managedTeams(SoteriaUser user) {
        if (!user.can(Permission.MANAGE_TEAM_WORKFORCE) || user.forceCode() == null) {
            return List.of();
        }
        if (user.role() == Role.FORCE_LEAD) {
            return new ArrayList<>(repository.teams(user.forceCode()).keySet());
        }
        return needToKnow.scope(user).supervisedTeams();
    }

    /** Whether a user may see and change an officer's development record: their own, or a managed team's. */
    public boolean mayManage(SoteriaUser user, String officerCode) {
        if (user.forceCode() == null || officerCode == null) {
            return false;
        }
        if (officerCode.equals(ownOfficer(user).orElse(null))) {
            return true;
        }
        return repository.officer(user.forceCode(), officerCode)
                .map(o -> o.teamCode() != null && managedTeams(user).contains(o.teamCode())).orElse(false);
    }

    /** One officer's development record as a page shows it. */
    public record Record(WorkforceRepository.Officer officer, List<WorkforceRepository.Training> training,
            List<WorkforceRepository.PlanItem> plan, LocalDate importedAccreditation, boolean accredited,
            long openCrimes, List<YearMonth> historyMonths, List<Long> history,
            List<WorkforceRepository.Abstraction> abstractions) {
    }

    public Optional<Record> record(SoteriaUser user, String officerCode) {
        if (!mayManage(user, officerCode)) {
            return Optional.empty();
        }
        Optional<WorkforceRepository.Officer> officer = repository.officer(user.forceCode(), officerCode);
        if (officer.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = today();
        List<WorkforceRepository.Training> training = repository.training(user.forceCode(), officerCode);
        LocalDate imported = repository.importedAccreditation(user.forceCode()).get(officerCode);
        List<YearMonth> months = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        for (int i = 11; i >= 1; i--) {
            YearMonth m = YearMonth.from(today).minusMonths(i);
            months.add(m);
            ends.add(m.atEndOfMonth());
        }
        months.add(YearMonth.from(today));
        ends.add(today);
        List<Long> history = repository.caseloadHistory(user.forceCode(), officerCode, ends);
        if (!officerCode.equals(ownOfficer(user).orElse(null))) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "officer",
                    user.forceCode() + ":officer:" + officerCode)
                    .justification("manages team " + officer.get().teamCode())
                    .detail("officer's training, learning plan, caseload and abstractions"));
        }
        return Optional.of(new Record(officer.get(), training, repository.plan(user.forceCode(), officerCode), imported,
                accredited(training, imported, today), history.get(history.size() - 1), months, history,
                repository.abstractions(user.forceCode(), List.of(officerCode), today.minusYears(1), today)));
    }

    /** The same rule as accredited_share: a current specialist accreditation, recorded here or imported. */
    static boolean accredited(List<WorkforceRepository.Training> training, LocalDate imported, LocalDate day) {
        if (imported != null && !imported.isBefore(day)) {
            return true;
        }
        return training.stream().anyMatch(t -> t.specialist() && t.currentOn(day));
    }

    /** When the officer's last current specialist accreditation lapses (null: none, or none that lapses). */
    static LocalDate accreditedUntil(List<WorkforceRepository.Training> training, LocalDate imported, LocalDate day) {
        LocalDate until = imported != null && !imported.isBefore(day) ? imported : null;
        for (WorkforceRepository.Training t : training) {
            if (t.specialist() && t.currentOn(day)) {
                if (t.expiresOn() == null) {
                    return null;
                }
                until = until == null || t.expiresOn().isAfter(until) ? t.expiresOn() : until;
            }
        }
        return until;
    }

    public List<WorkforceRepository.Course> courses() {
        return repository.courses();
    }

    @Transactional
    public void addTraining(SoteriaUser user, String officerCode, String courseCode, LocalDate completed,
            String evidence) {
        if (!mayManage(user, officerCode)) {
            throw new java.util.NoSuchElementException("No officer " + officerCode + " this user manages");
        }
        WorkforceRepository.Course course = repository.courses().stream().filter(c -> c.code().equals(courseCode))
                .findFirst().orElseThrow(() -> new Invalid("course", "{workforceError.chooseACourseOrAccreditation2}"));
        if (completed.isAfter(today())) {
            throw new Invalid("completedOn", "{workforceError.theCompletionDateMustBe}");
        }
        LocalDate expires = course.validForMonths() == null ? null : completed.plusMonths(course.validForMonths());
        repository.addTraining(user.forceCode(), officerCode, courseCode, completed, expires, evidence,
                user.getUsername());
        changed(user, officerCode, "training recorded: " + courseCode + " completed " + completed);
    }

    @Transactional
    public void addPlanItem(SoteriaUser user, String officerCode, String courseCode, String goal, LocalDate target) {
        if (!mayManage(user, officerCode)) {
            throw new java.util.NoSuchElementException("No officer " + officerCode + " this user manages");
        }
        if (courseCode != null && repository.courses().stream().noneMatch(c -> c.code().equals(courseCode))) {
            throw new Invalid("course", "{workforceError.chooseACourseFromThe2}");
        }
        repository.addPlanItem(user.forceCode(), officerCode, courseCode, goal, target, user.getUsername());
        changed(user, officerCode, "learning plan item added");
    }

    @Transactional
    public void setPlanStatus(SoteriaUser user, String officerCode, long id, String status) {
        if (!mayManage(user, officerCode) || !repository.setPlanStatus(user.forceCode(), officerCode, id, status,
                user.getUsername())) {
            throw new java.util.NoSuchElementException("No plan item " + id);
        }
        changed(user, officerCode, "learning plan item " + id + " now " + status);
    }

    @Transactional
    public void addAbstraction(SoteriaUser user, String officerCode, String duty, LocalDate from, LocalDate to) {
        Optional<WorkforceRepository.Officer> officer = repository.officer(user.forceCode(), officerCode);
        if (officer.isEmpty() || officer.get().teamCode() == null
                || !managedTeams(user).contains(officer.get().teamCode())) {
            throw new Invalid("officer", "{workforceError.chooseAnOfficerOfA}");
        }
        if (to.isBefore(from)) {
            throw new Invalid("endsOn", "{workforceError.theLastDayMustBe}");
        }
        repository.addAbstraction(user.forceCode(), officerCode, officer.get().teamCode(), duty, from, to,
                user.getUsername());
        changed(user, officerCode, "abstraction recorded: " + from + " to " + to);
    }

    private void changed(SoteriaUser user, String officerCode, String what) {
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "officer",
                user.forceCode() + ":officer:" + officerCode).detail(what));
    }

    /** An officer in a team's view: load, capacity and accreditation, for allocation. */
    public record OfficerLoad(WorkforceRepository.Officer officer, long openCrimes, long capacity, boolean accredited,
            LocalDate accreditedUntil, boolean hasNeededCourse) {

        public boolean suitable() {
            return capacity > 0 && accredited && hasNeededCourse;
        }
    }

    /** A team's readiness: officers, how many fully qualified, how many of those lapse within 90 days. */
    public record Readiness(String teamCode, String teamName, int officers, int accredited, int expiringSoon,
            long abstractionDays) {

        public Double accreditedShare() {
            return officers == 0 ? null : (double) accredited / officers;
        }
    }

    /** What the team page shows. */
    public record Teams(List<Readiness> readiness, List<OfficerLoad> loads,
            List<WorkforceRepository.Abstraction> abstractions, LocalDate from, LocalDate to) {
    }

    public Teams teams(SoteriaUser user, String neededCourse, LocalDate from, LocalDate to) {
        List<String> teams = managedTeams(user);
        Map<String, String> names = repository.teams(user.forceCode());
        List<WorkforceRepository.Officer> officers = teams.isEmpty() ? List.of()
                : repository.officers(user.forceCode(), teams);
        List<String> codes = officers.stream().map(WorkforceRepository.Officer::code).toList();
        LocalDate today = today();
        Map<String, List<WorkforceRepository.Training>> training = codes.isEmpty() ? Map.of()
                : repository.trainingOf(user.forceCode(), codes);
        Map<String, LocalDate> imported = repository.importedAccreditation(user.forceCode());
        Map<String, Long> open = codes.isEmpty() ? Map.of() : repository.openCaseload(user.forceCode(), codes, today);
        List<WorkforceRepository.Abstraction> abstractions = codes.isEmpty() ? List.of()
                : repository.abstractions(user.forceCode(), codes, from, to);
        List<OfficerLoad> loads = new ArrayList<>();
        Map<String, int[]> perTeam = new LinkedHashMap<>();
        teams.forEach(t -> perTeam.put(t, new int[3]));
        for (WorkforceRepository.Officer o : officers) {
            List<WorkforceRepository.Training> t = training.getOrDefault(o.code(), List.of());
            boolean acc = accredited(t, imported.get(o.code()), today);
            LocalDate until = acc ? accreditedUntil(t, imported.get(o.code()), today) : null;
            long n = open.getOrDefault(o.code(), 0L);
            boolean needed = neededCourse == null || t.stream()
                    .anyMatch(x -> x.courseCode().equals(neededCourse) && x.currentOn(today));
            loads.add(new OfficerLoad(o, n, Math.max(0, caseloadThreshold - n), acc, until, needed));
            int[] r = perTeam.computeIfAbsent(o.teamCode(), k -> new int[3]);
            r[0]++;
            if (acc) {
                r[1]++;
                if (until != null && !until.isAfter(today.plusDays(EXPIRING_WITHIN_DAYS))) {
                    r[2]++;
                }
            }
        }
        loads.sort(Comparator.comparing(OfficerLoad::suitable).reversed()
                .thenComparing(Comparator.comparingLong(OfficerLoad::capacity).reversed())
                .thenComparing(l -> l.officer().name()));
        List<Readiness> readiness = new ArrayList<>();
        perTeam.forEach((team, r) -> readiness.add(new Readiness(team, names.getOrDefault(team, team), r[0], r[1], r[2],
                abstractions.stream().filter(a -> team.equals(a.teamCode()))
                        .mapToLong(a -> overlap(a, from, to)).sum())));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "officer", null)
                .records(codes.stream().map(c -> user.forceCode() + ":officer:" + c).toList())
                .justification(user.role() == Role.FORCE_LEAD ? "force lead: every team" : "supervises " + teams)
                .detail("team readiness, caseloads and abstractions"));
        return new Teams(readiness, loads, abstractions, from, to);
    }

    /** Days of an abstraction inside a period, inclusive. */
    static long overlap(WorkforceRepository.Abstraction a, LocalDate from, LocalDate to) {
        long start = Math.max(a.startsOn().toEpochDay(), from.toEpochDay());
        long end = Math.min(a.endsOn().toEpochDay(), to.toEpochDay());
        return end >= start ? end - start + 1 : 0;
    }

    /** The officers of teams the user manages, for choosing in forms. */
    public List<WorkforceRepository.Officer> managedOfficers(SoteriaUser user) {
        List<String> teams = managedTeams(user);
        return teams.isEmpty() ? List.of() : repository.officers(user.forceCode(), teams);
    }
}
