package org.soteria.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.disclosure.DisclosurePolicy;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officer surveys (issue 26, ADR 42): the force lead sends the national questionnaire to the officers of chosen teams
 * for a few weeks; each officer answers once, anonymously; when the wave closes (by hand, or the day after its closing
 * day) its answers are sealed and its results read, for groups of at least the disclosure threshold. Focus groups'
 * findings are recorded beside it as themes against the pillars.
 */
@Service
public class SurveyService {

    /** The longest a wave stays open, in days. */
    static final int LONGEST_DAYS = 90;
    static final int TITLE_LIMIT = 200;
    static final int THEME_LIMIT = 200;
    static final int NOTE_LIMIT = 2000;

    public record Page(List<SurveyWave> waves, List<String[]> teams, int questions) {

        /** The teams as choices: code to name, in order. */
        public Map<String, String> teamChoices() {
            Map<String, String> out = new LinkedHashMap<>();
            teams.forEach(t -> out.put(t[0], t[1]));
            return out;
        }

        /** A team's name by its code (the code when the team is gone). */
        public String teamName(String code) {
            return teams.stream().filter(t -> t[0].equals(code)).map(t -> t[1]).findFirst().orElse(code);
        }
    }

    /** A wave for the lead: participation while open, results once closed, and the focus groups' themes. */
    public record Detail(SurveyWave wave, long eligible, SurveyResults.Results results,
            List<SurveyTheme> themes, Map<String, String> teamNames) {
    }

    /** The force's closed waves, newest first: those with results, for the deep-dive report. */
    public List<SurveyWave> closedWaves(SoteriaUser lead) {
        if (!lead.can(Permission.RUN_OFFICER_SURVEYS)) {
            return List.of();
        }
        return repository.waves(lead.forceCode()).stream().filter(SurveyWave::closed).toList();
    }

    /** A statement's figures in one closed wave (null item: the wave did not ask it). */
    public record StatementIn(SurveyWave wave, SurveyResults.Item item) {
    }

    /** A statement of the questionnaire and its figures in the closed waves opened before a day and on or after it. */
    public record StatementAround(SurveyResults.Question question, StatementIn before, StatementIn after) {
    }

    /**
     * Where an improvement action linked to statements can be read (issue 26): each statement in the force's newest
     * closed wave opened before {@code day}, and in its newest opened on or after it (null where there is none). The
     * two waves are read once for all the statements. The figures are a closed wave's, withheld under k as on the
     * wave's page, so anyone who reads the plan may see them.
     */
    public List<StatementAround> around(String force, List<SurveyResults.Question> statements, LocalDate day) {
        if (statements.isEmpty()) {
            return List.of();
        }
        SurveyWave before = null;
        SurveyWave after = null;
        for (SurveyWave w : repository.waves(force)) { // newest first
            if (w.closed() && (day == null || w.openedOn().isBefore(day))) {
                before = before == null ? w : before;
            } else if (w.closed()) {
                after = after == null ? w : after;
            }
        }
        SurveyWave first = before;
        SurveyWave since = after;
        List<SurveyResults.Item> beforeItems = items(first);
        List<SurveyResults.Item> afterItems = items(since);
        return statements.stream().map(q -> new StatementAround(q, in(first, beforeItems, q),
                in(since, afterItems, q))).toList();
    }

    private List<SurveyResults.Item> items(SurveyWave w) {
        return w == null ? List.of() : SurveyResults.of(repository.questions(w.questionnaire(), w.version()),
                repository.sealed(w.id()), policy.minimum()).items();
    }

    private static StatementIn in(SurveyWave w, List<SurveyResults.Item> items, SurveyResults.Question q) {
        return w == null ? null : new StatementIn(w, items.stream().filter(i -> i.question().code().equals(q.code()))
                .findFirst().orElse(null));
    }

    /** A wave an officer may answer, or has answered. */
    public record Offer(SurveyWave wave, boolean answered) {
    }

    private final SurveyRepository repository;
    private final AuditService audit;
    private final DisclosurePolicy policy;
    private final Clock clock;

    SurveyService(SurveyRepository repository, AuditService audit, DisclosurePolicy policy, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** The fewest officers a shown figure rests on (the force's disclosure threshold, ADR 24). */
    public int minimum() {
        return policy.minimum();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    public Page page(SoteriaUser lead) {
        need(lead, Permission.RUN_OFFICER_SURVEYS);
        return new Page(repository.waves(lead.forceCode()), repository.teams(lead.forceCode()),
                repository.questions(SurveyRepository.QUESTIONNAIRE, repository.latestVersion()).size());
    }

    public List<SurveyResults.Question> questionnaire() {
        return repository.questions(SurveyRepository.QUESTIONNAIRE, repository.latestVersion());
    }

    /** Opens a wave today for the officers of {@code teams} until {@code closesOn}; returns its id. */
    @Transactional
    public long open(SoteriaUser lead, String title, List<String> teams, LocalDate closesOn) {
        need(lead, Permission.RUN_OFFICER_SURVEYS);
        Map<String, String> errors = new LinkedHashMap<>();
        String t = title == null ? "" : title.strip();
        if (t.length() < 3) {
            errors.put("title", "{surveyError.enterATitle}");
        } else if (t.length() > TITLE_LIMIT) {
            errors.put("title", Fault.of("form.thisTooLong", TITLE_LIMIT));
        }
        List<String> known = repository.teams(lead.forceCode()).stream().map(x -> x[0]).toList();
        List<String> chosen = teams == null ? List.of() : teams.stream().distinct().toList();
        if (chosen.isEmpty()) {
            errors.put("teams", "{surveyError.chooseTheTeams}");
        } else if (!known.containsAll(chosen)) {
            errors.put("teams", "{surveyError.chooseTeamsFromTheList}");
        }
        LocalDate today = today();
        if (closesOn == null) {
            errors.putIfAbsent("closesOn", "{surveyError.enterTheClosingDay}");
        } else if (closesOn.isBefore(today)) {
            errors.putIfAbsent("closesOn", "{surveyError.theClosingDayIsPast}");
        } else if (closesOn.isAfter(today.plusDays(LONGEST_DAYS))) {
            errors.putIfAbsent("closesOn", Fault.of("surveyError.closesWithin", LONGEST_DAYS));
        }
        int version = repository.latestVersion();
        if (version == 0) {
            errors.putIfAbsent("title", "{surveyError.noQuestionnaire}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = repository.insertWave(lead.forceCode(), t, version, chosen, today, closesOn, lead.getUsername());
        audit.record(AuditEntry.of(lead.getUsername(), lead.role().code(), AuditAction.CHANGE, "survey",
                Long.toString(id)).detail("officer survey opened for teams " + String.join(", ", chosen) + " until "
                        + closesOn));
        return id;
    }

    @Transactional
    public void close(SoteriaUser lead, long id) {
        need(lead, Permission.RUN_OFFICER_SURVEYS);
        reach(lead, id);
        if (!repository.close(lead.forceCode(), id)) {
            throw new Invalid("wave", "{surveyError.closedAlready}");
        }
        audit.record(AuditEntry.of(lead.getUsername(), lead.role().code(), AuditAction.CHANGE, "survey",
                Long.toString(id)).detail("officer survey closed; answers sealed"));
    }

    /** Closes, the day after their closing day, the waves left open ({@link SurveySchedule}). */
    @Transactional
    public void closeDue() {
        for (long id : repository.due(today())) {
            if (repository.close(repository.forceOf(id), id)) {
                audit.record(AuditEntry.of("system", "system", AuditAction.CHANGE, "survey", Long.toString(id))
                        .detail("officer survey closed after its closing day; answers sealed"));
            }
        }
    }

    public Detail detail(SoteriaUser lead, long id) {
        need(lead, Permission.RUN_OFFICER_SURVEYS);
        SurveyWave w = reach(lead, id);
        SurveyResults.Results results = w.closed()
                ? SurveyResults.of(repository.questions(w.questionnaire(), w.version()), repository.sealed(id),
                        policy.minimum())
                : null;
        Map<String, String> names = new LinkedHashMap<>();
        repository.teams(lead.forceCode()).forEach(t -> names.put(t[0], t[1]));
        List<String> roles = Arrays.stream(Role.values()).filter(Permission.ANSWER_OFFICER_SURVEYS::grantedTo)
                .map(Role::code).toList();
        if (results != null) {
            audit.record(AuditEntry.of(lead.getUsername(), lead.role().code(), AuditAction.VIEW, "survey",
                    Long.toString(id)).detail("officer survey results (groups of " + policy.minimum() + " or more)"));
        }
        return new Detail(w, repository.eligible(lead.forceCode(), w.teams(), roles), results, repository.themes(id),
                names);
    }

    /** Whether a wave of the lead's force exists (nothing read, nothing audited): for a page to answer "not found". */
    public boolean exists(SoteriaUser lead, long id) {
        return lead.can(Permission.RUN_OFFICER_SURVEYS) && repository.wave(lead.forceCode(), id).isPresent();
    }

    public List<SurveyResults.Question> questions(SurveyWave w) {
        return repository.questions(w.questionnaire(), w.version());
    }

    /** Records a focus group's theme against a pillar. */
    @Transactional
    public void addTheme(SoteriaUser lead, long id, LocalDate heldOn, Integer participants, Integer pillar, String theme,
            String note) {
        need(lead, Permission.RUN_OFFICER_SURVEYS);
        reach(lead, id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (heldOn == null) {
            errors.put("heldOn", "{surveyError.enterTheDayTheGroup}");
        } else if (heldOn.isAfter(today())) {
            errors.put("heldOn", "{surveyError.theGroupIsInTheFuture}");
        }
        if (participants == null || participants < 1 || participants > 100) {
            errors.put("participants", "{surveyError.enterHowManyTookPart}");
        }
        if (pillar == null || pillar < 1 || pillar > 6) {
            errors.put("pillar", "{surveyError.chooseThePillar}");
        }
        String t = theme == null ? "" : theme.strip();
        if (t.length() < 3) {
            errors.put("theme", "{surveyError.enterTheTheme}");
        } else if (t.length() > THEME_LIMIT) {
            errors.put("theme", Fault.of("form.thisTooLong", THEME_LIMIT));
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > NOTE_LIMIT) {
            errors.put("note", Fault.of("form.thisTooLong", NOTE_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.insertTheme(id, heldOn, participants, pillar, t, n, lead.getUsername());
        audit.record(AuditEntry.of(lead.getUsername(), lead.role().code(), AuditAction.CHANGE, "survey",
                Long.toString(id)).detail("focus group theme recorded against pillar " + pillar));
    }

    /** The waves open to an officer now (their teams among the wave's), and whether they have answered each. */
    public List<Offer> offers(SoteriaUser officer) {
        if (!officer.can(Permission.ANSWER_OFFICER_SURVEYS)) {
            return List.of();
        }
        return repository.openTo(officer.forceCode(), officer.getUsername(), today()).stream()
                .map(o -> new Offer(o.wave(), o.answered())).toList();
    }

    /** A wave open to an officer now (answered or not); otherwise "not found", as for any wave not theirs. */
    public SurveyWave answerable(SoteriaUser officer, long id) {
        need(officer, Permission.ANSWER_OFFICER_SURVEYS);
        return offers(officer).stream().filter(o -> o.wave().id() == id).findFirst()
                .orElseThrow(() -> new Invalid("wave", "{surveyError.notOpenToYou}")).wave();
    }

    /**
     * Records an officer's answers (each 1 to 5, or null when they prefer not to say; every question needs one or the
     * other) under their first team among the wave's, and that they answered, never the two together.
     */
    @Transactional
    public void answer(SoteriaUser officer, long id, Map<String, String> given) {
        SurveyWave w = answerable(officer, id);
        List<SurveyResults.Question> questions = repository.questions(w.questionnaire(), w.version());
        Map<String, String> errors = new LinkedHashMap<>();
        Integer[] values = new Integer[questions.size()];
        for (int q = 0; q < questions.size(); q++) {
            String code = questions.get(q).code();
            String v = given.get(code);
            if ("skip".equals(v)) {
                values[q] = null;
            } else if (v != null && v.matches("[1-5]")) {
                values[q] = Integer.parseInt(v);
            } else {
                errors.put(code, Fault.of("surveyError.chooseAnAnswer", q + 1));
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String team = repository.teamsOf(officer.getUsername(), officer.forceCode(), w.teams()).get(0);
        if (!repository.answer(id, officer.getUsername(), team, values)) {
            throw new Invalid("wave", "{surveyError.answeredAlready}");
        }
        // Who answered, never what: the answers carry no person (ADR 42).
        audit.record(AuditEntry.of(officer.getUsername(), officer.role().code(), AuditAction.CHANGE, "survey",
                Long.toString(id)).detail("answered the officer survey (answers kept apart, anonymous)"));
    }

    private SurveyWave reach(SoteriaUser lead, long id) {
        return repository.wave(lead.forceCode(), id).orElseThrow(() -> new Invalid("wave", "{surveyError.notFound}"));
    }

    private static void need(SoteriaUser user, Permission permission) {
        if (!user.can(permission)) {
            throw new Invalid("permission", "{surveyError.noPermission}");
        }
    }
}
