package org.soteria.research;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
import org.soteria.platform.CsvWriter;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.platform.FieldCipher;
import org.soteria.platform.Invalid;
import org.soteria.reference.OffenceGroup;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research projects and what researchers may take from them. A force lead proposes and approves a project
 * (purpose, lawful basis, researchers, scope, end date); its researchers reach only that project, and
 * only while it is approved and not past its end. Extracts are pseudonymised with the project's own key and
 * released only when k-anonymity holds; each is a disclosure in the audit log. The evaluation methods run
 * on the force's monthly measures.
 */
@Service
public class ResearchService {

    private final ResearchRepository repository;
    private final FieldCipher cipher;
    private final AuditService audit;
    private final MeasureService measures;
    private final Clock clock;
    private final double maxSuppressed;
    private final SecureRandom random = new SecureRandom();
    private final org.soteria.disclosure.DisclosurePolicy disclosure;

    ResearchService(ResearchRepository repository, FieldCipher cipher, AuditService audit, MeasureService measures,
            Clock clock, @Value("${soteria.research.max-suppressed-share:0.05}") double maxSuppressed,
            org.soteria.disclosure.DisclosurePolicy disclosure) {
        this.disclosure = disclosure;
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.measures = measures;
        this.clock = clock;
        this.maxSuppressed = maxSuppressed;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    /** The lawful bases a project may rest on. */
    public static final Map<String, String> LAWFUL_BASES = lawfulBases();

    private static Map<String, String> lawfulBases() {
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("part3_law_enforcement", "Data Protection Act 2018 Part 3: law enforcement purposes (evaluating the "
                + "force's response)");
        bases.put("gdpr_public_task_research", "UK GDPR Article 6(1)(e) public task, with Article 89 safeguards for "
                + "research");
        return java.util.Collections.unmodifiableMap(bases);
    }

    /** A project as pages show it (never its key). */
    public record ProjectView(long id, String title, String purpose, String lawfulBasis, LocalDate periodFrom,
            LocalDate periodTo, List<String> offenceGroups, int k, LocalDate endsOn, String status, String createdBy,
            String approvedBy, List<String> members, boolean active, boolean linkedExtracts) {

        public String lawfulBasisLabel() {
            return LAWFUL_BASES.getOrDefault(lawfulBasis, lawfulBasis);
        }

        public String offenceGroupLabels() {
            return String.join(", ", offenceGroups.stream().map(g -> org.soteria.reference.Coded.parse(OffenceGroup.class, g)
                    .map(OffenceGroup::label).orElse(g)).toList());
        }
    }

    private ProjectView view(ResearchRepository.Project p) {
        return new ProjectView(p.id(), p.title(), p.purpose(), p.lawfulBasis(), p.periodFrom(), p.periodTo(),
                p.offenceGroups(), p.k(), p.endsOn(), p.status(), p.createdBy(), p.approvedBy(), p.members(),
                p.activeOn(today()), p.linkedExtracts());
    }

    /** Projects the user may see: the force lead every project of the force, a researcher their own. */
    public List<ProjectView> projects(SoteriaUser user) {
        List<ResearchRepository.Project> found = user.can(Permission.MANAGE_RESEARCH)
                ? repository.projects(user.forceCode()) : repository.projectsOf(user.getUsername());
        return found.stream().map(this::view).toList();
    }

    private Optional<ResearchRepository.Project> reach(long id, SoteriaUser user) {
        return repository.project(id).filter(p -> p.forceCode().equals(user.forceCode()) && (user.can(
                Permission.MANAGE_RESEARCH) || p.members().contains(user.getUsername())));
    }

    public Optional<ProjectView> project(long id, SoteriaUser user) {
        return reach(id, user).map(this::view);
    }

    public List<ResearchRepository.ExtractLog> extracts(long id, SoteriaUser user) {
        return reach(id, user).map(p -> repository.extracts(p.id())).orElse(List.of());
    }

    public List<String> researchers(SoteriaUser user) {
        return repository.researchers(user.forceCode());
    }

    public List<String> teams(SoteriaUser user) {
        return repository.teams(user.forceCode());
    }

    /** A proposed project as the form gave it. */
    public record ProjectForm(String title, String purpose, String lawfulBasis, List<String> members,
            LocalDate periodFrom, LocalDate periodTo, List<String> offenceGroups, Integer k, LocalDate endsOn,
            boolean linkedExtracts) {
    }

    @Transactional
    public long propose(SoteriaUser user, ProjectForm f, Map<String, String> parseErrors) {
        if (!user.can(Permission.MANAGE_RESEARCH)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.title() == null) {
            errors.putIfAbsent("title", "{researchError.enterTheProjectsTitle}");
        }
        if (f.purpose() == null) {
            errors.putIfAbsent("purpose", "{researchError.enterPurpose}");
        }
        if (f.lawfulBasis() == null || !LAWFUL_BASES.containsKey(f.lawfulBasis())) {
            errors.putIfAbsent("lawfulBasis", "{researchError.selectTheLawfulBasis}");
        }
        List<String> researchers = repository.researchers(user.forceCode());
        if (f.members().isEmpty()) {
            errors.putIfAbsent("members", "{researchError.selectAtLeastOneResearcher}");
        } else if (!researchers.containsAll(f.members())) {
            errors.putIfAbsent("members", "{researchError.selectResearchersFromTheList}");
        }
        if (f.periodFrom() != null && f.periodTo() != null && f.periodTo().isBefore(f.periodFrom())) {
            errors.putIfAbsent("periodTo", "{researchError.dataToMustBeThe}");
        }
        if (f.offenceGroups().isEmpty()) {
            errors.putIfAbsent("offenceGroups", "{researchError.selectTheOffenceGroupsThe}");
        }
        if (f.k() == null || f.k() < disclosure.minimum() || f.k() > 100) {
            errors.putIfAbsent("k", Fault.of("researchError.enterK", disclosure.minimum()));
        }
        if (f.endsOn() != null && !f.endsOn().isAfter(today())) {
            errors.putIfAbsent("endsOn", "{researchError.endDateMustBeIn}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        UUID ref = UUID.randomUUID();
        byte[] key = new byte[32];
        random.nextBytes(key);
        String sealed = cipher.encrypt(Base64.getEncoder().encodeToString(key), keyContext(ref));
        long id = repository.insert(new ResearchRepository.Project(0, ref, user.forceCode(), f.title(), f.purpose(),
                f.lawfulBasis(), f.periodFrom(), f.periodTo(), f.offenceGroups(), f.k(), f.endsOn(), sealed, "proposed",
                user.getUsername(), null, null, f.members(), f.linkedExtracts(), null), user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "research-project",
                String.valueOf(id)).detail("proposed: " + f.title() + "; researchers " + String.join(", ", f.members())));
        return id;
    }

    private static String keyContext(UUID ref) {
        return "research_project/" + ref + "/key";
    }

    @Transactional
    public void approve(SoteriaUser user, long id) {
        move(user, id, "proposed", "approved", "{researchError.notAwaitingApproval}");
    }

    @Transactional
    public void close(SoteriaUser user, long id) {
        move(user, id, "approved", "closed", "{researchError.onlyApprovedClosed}");
    }

    private void move(SoteriaUser user, long id, String from, String to, String refusal) {
        if (!user.can(Permission.MANAGE_RESEARCH)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        ResearchRepository.Project p = reach(id, user).orElseThrow(() -> new Invalid("project", "{researchError.projectNotFound}"));
        if (!repository.setStatus(p.id(), from, to, user.getUsername())) {
            throw new Invalid("status", refusal);
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "research-project",
                String.valueOf(id)).detail(to + ": " + p.title()));
    }

    /** A released extract: its CSV and what was done to it. */
    public record Extract(String fileName, String csv, int rows, int suppressed, Map<String, Integer> levels) {
    }

    /**
     * Makes the project's extract for one of its researchers while it is approved and not past its end. Refused
     * (with the reason, and logged) when k-anonymity cannot hold; otherwise logged as a disclosure.
     */
    @Transactional
    public Extract extract(SoteriaUser user, long id) {
        ResearchRepository.Project p = reach(id, user).filter(x -> x.members().contains(user.getUsername()))
                .orElseThrow(() -> new Invalid("project", "{researchError.projectNotFound}"));
        if (!p.activeOn(today())) {
            throw new Invalid("project", Fault.of("researchError.extractsOnlyWhileApproved",
                    Fault.date(p.endsOn())));
        }
        // Pseudonyms are the extract's own, unless the project follows crimes and people across its extracts.
        byte[] key = new byte[32];
        if (p.linkedExtracts()) {
            key = Base64.getDecoder().decode(cipher.decrypt(p.projectKey(), keyContext(p.ref())));
        } else {
            random.nextBytes(key);
        }
        Pseudonyms pseudonyms = new Pseudonyms(key);
        List<Map<String, String>> rows = new ArrayList<>();
        for (ExtractRows.CrimeFacts f : repository.facts(p)) {
            rows.add(ExtractRows.row(f, pseudonyms));
        }
        Map<String, Integer> fixed = p.linkedExtracts() && p.fixedLevels() != null ? ExtractRows.levels(p.fixedLevels())
                : null;
        Anonymiser.Release release;
        try {
            release = Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE,
                    Math.max(p.k(), disclosure.minimum()), maxSuppressed, fixed);
        } catch (Anonymiser.Refused e) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "research-project",
                    String.valueOf(id)).detail("extract refused: " + e.getMessage()));
            throw new Invalid("extract", e.fault());
        }
        if (p.linkedExtracts() && fixed == null && !repository.fixLevels(p.id(), ExtractRows.levels(release.levels()))) {
            throw new Invalid("extract", "{researchError.anotherExtractOfThisProject}");
        }
        String levels = ExtractRows.describe(release.levels());
        repository.logExtract(p.id(), user.getUsername(), release.rows().size(), release.suppressed(), p.k(), levels);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.EXPORT, "research-project",
                String.valueOf(id)).justification("research project " + p.id() + ": " + p.title() + " ("
                + p.lawfulBasis() + ")").detail("disclosure: pseudonymised extract of " + release.rows().size()
                + " crimes, k = " + p.k() + ", " + release.suppressed() + " left out; " + levels));
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.forPeople(out, ExtractRows.COLUMNS.toArray(String[]::new))) {
            for (Map<String, String> row : release.rows()) {
                List<String> values = new ArrayList<>();
                ExtractRows.COLUMNS.forEach(c -> values.add(row.get(c)));
                csv.row(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Extract("research-project-" + p.id() + "-" + today() + ".csv", out.toString(), release.rows().size(),
                release.suppressed(), release.levels());
    }

    // ---- Evaluation ------------------------------------------------------------------------------

    /** The measures a project can evaluate, each as a monthly value and its unit. */
    public enum Outcome {
        CHARGE_RATE("Charge rate (outcomes assigned in the month)", "percentage points",
                m -> rate(m.chargeRate())),
        VICTIM_DOES_NOT_SUPPORT_RATE("Victim does not support rate (outcomes 14 and 16)", "percentage points",
                m -> rate(m.victimDoesNotSupportRate())),
        RECORDED("Crimes recorded", "crimes", m -> (double) m.recorded()),
        CPS_REFERRALS("Crimes referred to the CPS", "crimes", m -> (double) m.cpsReferrals());

        private final String label;
        private final String unit;
        private final Function<Measures, Double> value;

        Outcome(String label, String unit, Function<Measures, Double> value) {
            this.label = label;
            this.unit = unit;
            this.value = value;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        private static Double rate(Measures.Rate r) {
            return r.value() == null ? null : 100 * r.value();
        }
    }

    /** The result of an evaluation: the series it used, and ITS or DiD. */
    public record Evaluation(Outcome outcome, YearMonth from, YearMonth to, YearMonth change, int periods,
            InterruptedTimeSeries.Result its, DifferenceInDifferences.Result did, String treatedTeam,
            List<String> comparisonTeams) {
    }

    /**
     * Evaluates a change for a project: interrupted time series of the force's monthly measure, or, when a
     * team is chosen, difference-in-differences of that team against the force's other teams (or those
     * chosen). Months without a value (no outcomes that month) are refused: the methods need every period.
     */
    public Evaluation evaluate(SoteriaUser user, long id, Outcome outcome, YearMonth change, String treatedTeam,
            List<String> comparisonTeams) {
        ResearchRepository.Project p = reach(id, user).orElseThrow(() -> new Invalid("project", "{researchError.projectNotFound}"));
        if (!p.activeOn(today()) && !user.can(Permission.MANAGE_RESEARCH)) {
            throw new Invalid("project", "{researchError.theProjectIsNotApproved}");
        }
        YearMonth from = YearMonth.from(p.periodFrom());
        YearMonth to = YearMonth.from(p.periodTo());
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        if (to.isAfter(last)) {
            to = last;
        }
        if (change == null || !change.isAfter(from) || !change.isBefore(to.plusMonths(1))) {
            throw new Invalid("change", Fault.of("researchError.changeInsidePeriod", from, to));
        }
        int changeIndex = (int) from.until(change, java.time.temporal.ChronoUnit.MONTHS);
        // The project's force alone: the measures hold every force in the database.
        Map<String, List<String>> groups = Map.of("offence_group", p.offenceGroups(), "force", List.of(p.forceCode()));
        double[] force = series(p, outcome, from, to, filter(groups, null));
        if (treatedTeam == null) {
            InterruptedTimeSeries.Result its;
            try {
                its = InterruptedTimeSeries.fit(force, changeIndex, outcome.unit);
            } catch (IllegalArgumentException e) {
                throw new Invalid("change", e.getMessage());
            }
            return audited(user, p, new Evaluation(outcome, from, to, change, force.length, its, null, null, List.of()));
        }
        List<String> teams = repository.teams(p.forceCode());
        if (!teams.contains(treatedTeam)) {
            throw new Invalid("team", "{researchError.selectATeamOfThe}");
        }
        List<String> comparisons = comparisonTeams.isEmpty()
                ? teams.stream().filter(t -> !t.equals(treatedTeam)).toList() : comparisonTeams;
        if (comparisons.isEmpty() || comparisons.contains(treatedTeam) || !teams.containsAll(comparisons)) {
            throw new Invalid("comparison", "{researchError.selectComparisonTeamsOtherThan}");
        }
        double[] treated = series(p, outcome, from, to, filter(groups, treatedTeam));
        List<double[]> others = new ArrayList<>();
        for (String t : comparisons) {
            others.add(series(p, outcome, from, to, filter(groups, t)));
        }
        DifferenceInDifferences.Result did;
        try {
            did = DifferenceInDifferences.fit(treated, others, changeIndex, outcome.unit);
        } catch (IllegalArgumentException e) {
            throw new Invalid("change", e.getMessage());
        }
        return audited(user, p, new Evaluation(outcome, from, to, change, treated.length, null, did, treatedTeam,
                comparisons));
    }

    /** An evaluation shown is a view of the force's measures over the project's period: logged like one. */
    private Evaluation audited(SoteriaUser user, ResearchRepository.Project p, Evaluation e) {
        audit.record(user.getUsername(), user.role().code(), AuditAction.VIEW, "research_evaluation",
                String.valueOf(p.id()), e.outcome().code() + " in " + p.forceCode() + ", " + e.from() + " to " + e.to()
                        + ", change " + e.change() + (e.treatedTeam() == null ? ", interrupted time series"
                        : ", team " + e.treatedTeam() + " against " + e.comparisonTeams()));
        return e;
    }

    private static MeasureFilter filter(Map<String, List<String>> groups, String team) {
        Map<String, List<String>> f = new LinkedHashMap<>(groups);
        if (team != null) {
            f.put("team", List.of(team));
        }
        return MeasureFilter.of(f);
    }

    private double[] series(ResearchRepository.Project p, Outcome outcome, YearMonth from, YearMonth to,
            MeasureFilter filter) {
        List<Measures> months = measures.series(new MeasureQuery(from.atDay(1), to.atEndOfMonth(), today(), filter),
                false);
        double[] out = new double[months.size()];
        for (int i = 0; i < months.size(); i++) {
            Double v = outcome.value.apply(months.get(i));
            if (v == null) {
                throw new Invalid("outcome", outcome.label() + " has no value in " + from.plusMonths(i)
                        + (filter.values().containsKey(MeasureFilter.Key.TEAM) ? " for one of the teams" : "")
                        + ": choose a measure or teams with data in every month");
            }
            out[i] = v;
        }
        return out;
    }
}
