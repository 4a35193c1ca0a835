package org.soteria.assessment;

import java.security.SecureRandom;
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
import org.soteria.casework.CaseworkQueueService;
import org.soteria.performance.AgeBand;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.reference.Coded;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OutcomeCode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deep-dive case file review: draw a stratified random sample of the force's crimes (seeded, recorded,
 * reproducible), review each crime on a structured form, compare two reviewers item by item, and aggregate
 * the findings by pillar. Every reviewer, police or academic, reads the crime pseudonymised: its place in
 * the sample instead of its reference, age bands instead of people, days since recording instead of dates.
 * The audit log names the crime each look was at.
 */
@Service
public class DeepDiveService {

    static final int TEXT_LIMIT = 4000;

    private final DeepDiveRepository repository;
    private final CaseworkQueueService caseworkOf;
    private final org.soteria.victim.VictimContactTimeline contacts;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final org.soteria.investigation.InvestigationService investigations;
    private final org.soteria.casework.CaseworkTexts texts;
    private final org.soteria.security.NeedToKnow needToKnow;
    private final ReviewTemplates templates;

    DeepDiveService(DeepDiveRepository repository, CaseworkQueueService caseworkOf,
            org.soteria.victim.VictimContactTimeline contacts, AuditService audit, Clock clock,
            org.soteria.investigation.InvestigationService investigations, org.soteria.casework.CaseworkTexts texts,
            org.soteria.security.NeedToKnow needToKnow, ReviewTemplates templates) {
        this.templates = templates;
        this.needToKnow = needToKnow;
        this.investigations = investigations;
        this.texts = texts;
        this.contacts = contacts;
        this.repository = repository;
        this.caseworkOf = caseworkOf;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    public List<DeepDiveRepository.Sample> samples(SoteriaUser user) {
        return repository.samples(user.forceCode());
    }

    @Transactional
    public long draw(SoteriaUser user, String title, LocalDate from, LocalDate to, Integer perStratum, String allocation,
            Long seed, Long templateId, Map<String, String> parseErrors) {
        if (!user.can(Permission.MANAGE_CASE_REVIEWS)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (title == null) {
            errors.putIfAbsent("title", "{assessmentError.enterATitleForThe}");
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.putIfAbsent("to", "{cases.error.toBeforeFrom}");
        }
        if (to != null && to.isAfter(today())) {
            errors.putIfAbsent("to", "{assessmentError.recordedToMustBeToday}");
        }
        boolean proportional = SampleAllocation.PROPORTIONAL.code().equals(allocation);
        if (!proportional && !SampleAllocation.EQUAL.code().equals(allocation == null ? "equal" : allocation)) {
            errors.putIfAbsent("allocation", "{assessmentError.chooseHowToShare}");
        } else if (proportional && (perStratum == null || perStratum < 1 || perStratum > 500)) {
            errors.putIfAbsent("perStratum", "{assessmentError.enterHowManyCrimesInAll}");
        } else if (!proportional && (perStratum == null || perStratum < 1 || perStratum > 50)) {
            errors.putIfAbsent("perStratum", "{assessmentError.enterHowManyCrimesTo}");
        }
        List<ReviewItem> items = templateId == null ? List.of() : templates.formFor(user, templateId);
        if (items.isEmpty()) {
            errors.putIfAbsent("template", "{assessmentError.chooseTheReviewTemplate}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long s = seed != null ? seed : Math.abs(random.nextLong() % 1_000_000_000L);
        List<StratifiedSample.Candidate> candidates = repository.candidates(user.forceCode(), from, to);
        if (candidates.isEmpty()) {
            throw new Invalid("from", "{assessmentError.noCrimesWereRecordedIn}");
        }
        Map<String, Integer> populations = StratifiedSample.populations(candidates);
        List<StratifiedSample.Drawn> drawn = proportional
                ? StratifiedSample.draw(candidates, StratifiedSample.proportional(populations, perStratum), s)
                : StratifiedSample.draw(candidates, perStratum, s);
        long id = repository.insertSample(user.forceCode(), title, from, to, perStratum,
                proportional ? SampleAllocation.PROPORTIONAL : SampleAllocation.EQUAL, s, candidates.size(),
                user.getUsername(), drawn, populations, templateId);
        templates.freeze(id, items);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "case-sample",
                String.valueOf(id)).detail("drew " + drawn.size() + " of " + candidates.size() + " crimes recorded " + from
                + " to " + to + ", " + perStratum + (proportional ? " in all, in proportion to each stratum"
                        : " a stratum") + ", seed " + s + ", review template " + templateId + " with " + items.size()
                + " items"));
        return id;
    }

    /**
     * A sample with its crimes (by position only) and who reviewed each, and how far its reviewers agree: for each
     * item and for whether an opportunity was missed, Krippendorff's alpha across every reviewer of each crime.
     */
    public record SamplePage(DeepDiveRepository.Sample sample, List<DeepDiveRepository.SampleCrime> crimes,
            List<ReviewItem> items, Map<String, Reliability.Result> agreement, Reliability.Result missedAgreement,
            String user, ReviewTemplateRepository.Template template) {

        /** Krippendorff's words for the result's alpha, as a message code. */
        public String words(Reliability.Result r) {
            return Reliability.words(r.alpha());
        }
    }

    public Optional<SamplePage> sample(SoteriaUser user, long id) {
        return repository.sample(id, user.forceCode()).map(s -> {
            List<DeepDiveRepository.Review> reviews = repository.reviews(id);
            List<ReviewItem> items = templates.ofSample(id);
            return new SamplePage(s, repository.sampleCrimes(id), items, agreement(items, reviews),
                    missedAgreement(reviews), user.getUsername(), templates.version(s.templateId()).orElseThrow());
        });
    }

    /**
     * Per rated item, by its code, Krippendorff's alpha for an ordinal scale (poor to excellent; no, partly, yes) over
     * every reviewer of each crime; a rating of not applicable is no rating. Free-text items are not compared.
     */
    static Map<String, Reliability.Result> agreement(List<ReviewItem> items, List<DeepDiveRepository.Review> reviews) {
        Map<String, Reliability.Result> out = new LinkedHashMap<>();
        for (ReviewItem item : items.stream().filter(ReviewItem::rated).toList()) {
            List<List<Integer>> units = new ArrayList<>();
            for (List<DeepDiveRepository.Review> rs : byCrime(reviews)) {
                units.add(rs.stream().map(r -> r.ratings().get(item.code()))
                        .filter(r -> r != null && r != ReviewItem.Rating.NOT_APPLICABLE).map(ReviewItem.Rating::score)
                        .toList());
            }
            out.put(item.code(), Reliability.alpha(units, Reliability.Level.ORDINAL));
        }
        return out;
    }

    /** Agreement on whether an opportunity was missed (yes or no), over every reviewer of each crime. */
    static Reliability.Result missedAgreement(List<DeepDiveRepository.Review> reviews) {
        List<List<Integer>> units = new ArrayList<>();
        for (List<DeepDiveRepository.Review> rs : byCrime(reviews)) {
            units.add(rs.stream().map(r -> r.missedOpportunity() ? 1 : 0).toList());
        }
        return Reliability.alpha(units, Reliability.Level.NOMINAL);
    }

    static java.util.Collection<List<DeepDiveRepository.Review>> byCrime(List<DeepDiveRepository.Review> reviews) {
        Map<Long, List<DeepDiveRepository.Review>> byCrime = new LinkedHashMap<>();
        reviews.forEach(r -> byCrime.computeIfAbsent(r.crimeId(), k -> new ArrayList<>()).add(r));
        return byCrime.values();
    }

    /** What a reviewer reads: pseudonymised facts of one crime of the sample, and their own review if any. */
    public record CrimeFile(DeepDiveRepository.Sample sample, int position, String stratum, String offence,
            String reportedBy, List<String> people, List<String> events, String outcome, List<String> casework,
            DeepDiveRepository.Review mine, List<org.soteria.casework.CaseworkTexts.Text> texts,
            List<ReviewItem> items) {
    }

    public Optional<CrimeFile> crime(SoteriaUser user, long sampleId, int position) {
        Optional<DeepDiveRepository.Sample> s = repository.sample(sampleId, user.forceCode());
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeepDiveRepository.SampleCrime> c = repository.sampleCrimes(sampleId).stream()
                .filter(x -> x.position() == position).findFirst();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        DeepDiveRepository.Facts f = repository.facts(c.get().crimeId());
        List<String> people = new ArrayList<>();
        int victims = 0;
        int suspects = 0;
        for (Map<String, Object> p : f.people()) {
            String role = (String) p.get("role");
            int n = "victim".equals(role) ? ++victims : "suspect".equals(role) ? ++suspects : 0;
            // Written as a fault is (platform.Fault), so that the page shows it in its language.
            String who = "#ddFile.role." + ("victim".equals(role) || "suspect".equals(role) ? role : "witness");
            Integer age = (Integer) p.get("age_at_offence");
            Object sex = p.get("sex");
            Object relationship = p.get("relationship");
            people.add(Fault.of("ddFile.person" + (sex == null ? "" : "Sex") + (relationship == null ? "" : "Relationship"),
                    who, n == 0 ? "" : " " + n, "~" + AgeBand.of(age).messageKey(), sex == null ? "" : "~ddFile.sex." + sex,
                    relationship == null ? "" : "~relationship." + relationship));
        }
        List<String> events = new ArrayList<>();
        events.add(Fault.of("ddFile.day", 0, "#ddFile.recorded"));
        for (Map<String, Object> e : f.events()) {
            String type = (String) e.get("event_type");
            String label = Coded.parse(EventType.class, type).isPresent() ? "#eventType." + type : type;
            Object detail = e.get("detail");
            events.add(detail == null || "victim_notified".equals(type) ? Fault.of("ddFile.day", e.get("day"), label)
                    : Fault.of("ddFile.dayDetail", e.get("day"), label, String.valueOf(detail).replace('_', ' ')));
        }
        String outcome = f.outcomeCode() == null ? Fault.of("ddFile.noOutcome",
                java.time.temporal.ChronoUnit.DAYS.between(f.recordedDate(), today()))
                : Fault.of("ddFile.outcome", f.outcomeCode(), OutcomeCode.parse(f.outcomeCode()).isPresent()
                        ? "#outcome." + f.outcomeCode() : f.outcomeCode(),
                        java.time.temporal.ChronoUnit.DAYS.between(f.recordedDate(), f.outcomeDate()));
        // The casework and the victim's contacts record by record, by day, coded values only (issue 26).
        List<Map.Entry<Integer, String>> timeline = new ArrayList<>(caseworkOf.timeline(c.get().crimeId(),
                f.recordedDate()));
        timeline.addAll(contacts.of(c.get().crimeId(), f.recordedDate()));
        timeline.sort(Map.Entry.comparingByKey());
        List<String> casework = new ArrayList<>(caseworkOf.summary(c.get().crimeId()));
        timeline.forEach(e -> casework.add(e.getValue()));
        String offence = OffenceCode.parse(f.offenceCode()).map(o -> Fault.of("ddFile.offence", o.code(),
                "#offence." + o.code())).orElse(f.offenceCode());
        String source = Coded.parse(org.soteria.reference.ReportSource.class, f.reportSource())
                .map(r -> "#" + r.messageKey()).orElse(f.reportSource());
        String reportedByKey = "victim".equals(f.reportSource()) ? "ddFile.reportedBy"
                : Boolean.TRUE.equals(f.victimConsented()) ? "ddFile.reportedByWithConsent" : "ddFile.reportedByNoConsent";
        String reportedBy = Fault.of(reportedByKey, source);
        DeepDiveRepository.Review mine = repository.review(sampleId, c.get().crimeId(), user.getUsername()).orElse(null);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "crime",
                s.get().forceCode() + ":" + f.crimeRef()).records(List.of(s.get().forceCode() + ":" + f.crimeRef()))
                .justification("deep-dive case file review, sample " + sampleId).detail("pseudonymised case file, "
                        + "sample crime " + position));
        return Optional.of(new CrimeFile(s.get(), position, c.get().stratum(), offence, reportedBy, people, events, outcome,
                casework, mine, texts(user, c.get().crimeId(), f.recordedDate()), templates.ofSample(sampleId)));
    }

    /**
     * What the casework says in words, names and other identifiers replaced ({@link CaseFileRedaction}), for a police
     * reviewer who may open the crime (need-to-know, and the open is audited as any other); null for anyone else, an
     * academic reviewer above all, who reads coded values only (issue 26).
     */
    private List<org.soteria.casework.CaseworkTexts.Text> texts(SoteriaUser user, long crimeId, LocalDate recorded) {
        // Asked first without opening, so that a reviewer without need-to-know leaves no refusal in the crime's log.
        if (!user.can(org.soteria.security.Permission.VIEW_CASES) || needToKnow.access(user, crimeId).isEmpty()) {
            return null;
        }
        var view = investigations.open(crimeId, user, "deep-dive case file review (the file's words, names replaced)");
        if (view.isEmpty()) {
            return null;
        }
        List<CaseFileRedaction.Person> people = new ArrayList<>();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (var p : view.get().crime().people()) {
            String letter = "victim".equals(p.role()) ? "V" : "suspect".equals(p.role()) ? "S" : "P";
            int n = counts.merge(letter, 1, Integer::sum);
            people.add(new CaseFileRedaction.Person(letter + n, p.name(), p.dateOfBirth(), p.postcode(), p.pncId()));
        }
        CaseFileRedaction redaction = new CaseFileRedaction(people);
        return texts.of(crimeId, recorded).stream().map(t -> new org.soteria.casework.CaseworkTexts.Text(t.day(),
                t.source(), redaction.apply(t.text()))).toList();
    }

    /**
     * A review as the form gave it: each item's answer as typed, by the item's code (a rating's code, or a free-text
     * item's words), then whether an opportunity was missed, its description and the learning.
     */
    public record ReviewForm(Map<String, String> answers, Boolean missedOpportunity, String missedNote,
            String learning) {
    }

    @Transactional
    public void review(SoteriaUser user, long sampleId, int position, ReviewForm f, Map<String, String> parseErrors) {
        if (!user.can(Permission.REVIEW_CASE_FILES)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        DeepDiveRepository.Sample s = repository.sample(sampleId, user.forceCode())
                .orElseThrow(() -> new Invalid("sample", "{assessmentError.sampleNotFound}"));
        DeepDiveRepository.SampleCrime c = repository.sampleCrimes(sampleId).stream().filter(x -> x.position() == position)
                .findFirst().orElseThrow(() -> new Invalid("sample", "{assessmentError.crimeNotFoundInThis}"));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, ReviewItem.Rating> ratings = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (ReviewItem item : templates.ofSample(sampleId)) {
            String given = f.answers().get(item.code());
            given = given == null || given.isBlank() ? null : given.strip();
            if (!item.rated()) {
                if (given != null && given.length() > TEXT_LIMIT) {
                    errors.put(item.code(), Fault.of("assessmentError.answerTooLong", Fault.words(item.text()),
                            TEXT_LIMIT));
                } else if (given != null) {
                    notes.put(item.code(), given);
                }
                continue;
            }
            ReviewItem.Rating r = ReviewItem.Rating.of(given);
            if (!item.allows(r)) {
                errors.put(item.code(), Fault.of("assessmentError.selectAnAnswerFor", Fault.words(item.text())));
            } else {
                ratings.put(item.code(), r);
            }
        }
        // Then the fixed part, in the page's order: a note too long is said before a note missing.
        if (f.missedOpportunity() == null) {
            errors.put("missedOpportunity", "{assessmentError.selectWhetherAnOpportunityWas}");
        }
        if (parseErrors.containsKey("missedNote")) {
            errors.put("missedNote", parseErrors.get("missedNote"));
        } else if (Boolean.TRUE.equals(f.missedOpportunity()) && f.missedNote() == null) {
            errors.put("missedNote", "{assessmentError.describeTheMissedOpportunity}");
        }
        parseErrors.forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.saveReview(new DeepDiveRepository.Review(sampleId, c.crimeId(), user.getUsername(), ratings, notes,
                f.missedOpportunity(), f.missedOpportunity() ? f.missedNote() : null, f.learning(), null));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "case-sample",
                String.valueOf(s.id())).detail("reviewed sample crime " + position));
    }

    /**
     * One item's findings over the sample's crimes: crimes rated (not applicable left out), each rating's count of
     * crimes (the item's ratings, in the form's order), the mean score (out of the scale's top), crimes rated short of
     * good (below good; partly or no), and crimes whose reviewers gave different ratings. A free-text item has no
     * figures but what its reviewers wrote ({@code words}).
     */
    public record Finding(ReviewItem item, int rated, Map<ReviewItem.Rating, Integer> counts, Double meanScore,
            int belowGood, int disagreed, Double weightedBelowGood, Double weightedMeanScore, List<String> words) {
    }

    /** Crimes in which a missed opportunity was found, those on which reviewers differed, and their notes. */
    public record Missed(int crimes, int disagreed, List<String> notes) {
    }

    /**
     * Findings of a sample by pillar, over its crimes, by the crimes' reviews, the crimes they cover, and the
     * missed opportunities and learning.
     */
    public record Findings(DeepDiveRepository.Sample sample, Map<String, List<Finding>> byPillar, int reviews,
            int crimes, Missed missed, List<String> learning, boolean weighted) {
    }

    /**
     * Each item's findings by pillar, a crime counted once however many reviewed it (issue 26): at the lower of its
     * reviewers' middle ratings (the median of an odd number; of an even number the less favourable of the two in
     * the middle), so that a failing one reviewer saw is not averaged away, and counted as a disagreement when its
     * reviewers' ratings differ, until the force lead settles it ({@code settled}: the settled rating is used). A
     * crime every reviewer found not applicable counts as not applicable.
     * <p>The sample draws as many crimes from a small stratum as from a large one, so the share below good and the
     * mean score are also given weighted back to the force's caseload: each stratum's figure over its rated crimes,
     * weighted by the crimes of the stratum in the sampling frame ({@code populations}; strata with no rated crime
     * left out). Null when the sample kept no populations (drawn before they were kept).
     */
    static Map<String, List<Finding>> byPillar(List<ReviewItem> items, List<DeepDiveRepository.Review> reviews,
            Map<Long, String> strata, Map<String, Integer> populations,
            Map<Long, Map<String, ReviewItem.Rating>> settled) {
        Map<String, List<Finding>> byPillar = new LinkedHashMap<>();
        for (ReviewItem item : items.stream().sorted(java.util.Comparator.comparingInt(ReviewItem::pillar)).toList()) {
            if (!item.rated()) {
                byPillar.computeIfAbsent(item.pillarLabel(), k -> new ArrayList<>()).add(new Finding(item, 0, Map.of(),
                        null, 0, 0, null, null, reviews.stream().map(r -> r.notes().get(item.code()))
                                .filter(java.util.Objects::nonNull).toList()));
                continue;
            }
            Map<ReviewItem.Rating, Integer> counts = new LinkedHashMap<>();
            for (ReviewItem.Rating r : item.scale().ratings()) {
                counts.put(r, 0);
            }
            counts.put(ReviewItem.Rating.NOT_APPLICABLE, 0);
            int rated = 0;
            int sum = 0;
            int below = 0;
            int disagreed = 0;
            Map<String, int[]> byStratum = new LinkedHashMap<>();
            for (List<DeepDiveRepository.Review> crime : byCrime(reviews)) {
                List<ReviewItem.Rating> given = crime.stream().map(r -> r.ratings().get(item.code()))
                        .filter(r -> r != null && r != ReviewItem.Rating.NOT_APPLICABLE)
                        .sorted(java.util.Comparator.comparingInt(ReviewItem.Rating::score)).toList();
                ReviewItem.Rating settledRating = settled.getOrDefault(crime.get(0).crimeId(), Map.of()).get(item.code());
                if (given.isEmpty() && settledRating == null || settledRating == ReviewItem.Rating.NOT_APPLICABLE) {
                    counts.merge(ReviewItem.Rating.NOT_APPLICABLE, 1, Integer::sum);
                    continue;
                }
                ReviewItem.Rating rating = settledRating != null ? settledRating : given.get((given.size() - 1) / 2);
                counts.merge(rating, 1, Integer::sum);
                rated++;
                sum += rating.score();
                below += rating.shortOfGood() ? 1 : 0;
                // As the disagreements page counts them: any two ratings apart, not applicable included.
                disagreed += settledRating == null
                        && crime.stream().map(r -> r.ratings().get(item.code())).distinct().count() > 1 ? 1 : 0;
                int[] h = byStratum.computeIfAbsent(strata.get(crime.get(0).crimeId()), k -> new int[3]);
                h[0]++;
                h[1] += rating.shortOfGood() ? 1 : 0;
                h[2] += rating.score();
            }
            double weight = 0;
            double belowShare = 0;
            double mean = 0;
            for (Map.Entry<String, int[]> h : byStratum.entrySet()) {
                Integer population = populations.get(h.getKey());
                if (population != null) {
                    weight += population;
                    belowShare += population * h.getValue()[1] / (double) h.getValue()[0];
                    mean += population * h.getValue()[2] / (double) h.getValue()[0];
                }
            }
            boolean weighted = !populations.isEmpty() && weight > 0;
            byPillar.computeIfAbsent(item.pillarLabel(), k -> new ArrayList<>()).add(new Finding(item, rated, counts,
                    rated == 0 ? null : sum / (double) rated, below, disagreed, weighted ? belowShare / weight : null,
                    weighted ? mean / weight : null, List.of()));
        }
        return byPillar;
    }

    /** Missed opportunities by crime: a crime counts when any of its reviewers found one, every note listed. */
    static Missed missed(List<DeepDiveRepository.Review> reviews) {
        int crimes = 0;
        int disagreed = 0;
        for (List<DeepDiveRepository.Review> crime : byCrime(reviews)) {
            long found = crime.stream().filter(DeepDiveRepository.Review::missedOpportunity).count();
            crimes += found > 0 ? 1 : 0;
            disagreed += found > 0 && found < crime.size() ? 1 : 0;
        }
        return new Missed(crimes, disagreed, reviews.stream().filter(DeepDiveRepository.Review::missedOpportunity)
                .map(DeepDiveRepository.Review::missedNote).toList());
    }

    /** The findings for the report's CSV, audited as an export (figures only, no reviewer's notes). */
    public Optional<Findings> findingsExport(SoteriaUser user, long sampleId) {
        return read(user, sampleId, AuditAction.EXPORT, "deep-dive findings as CSV (figures only)", false);
    }

    /** The findings for the deep-dive report's page, which shows figures only (no reviewer's notes). */
    public Optional<Findings> findingsForReport(SoteriaUser user, long sampleId) {
        return read(user, sampleId, AuditAction.VIEW, "deep-dive report (figures only)", false);
    }

    /** The findings with the reviewers' notes: the missed opportunities, the learning and the items in their words. */
    public Optional<Findings> findings(SoteriaUser user, long sampleId) {
        return read(user, sampleId, AuditAction.VIEW, "deep-dive findings (reviewers' notes)", true);
    }

    private Optional<Findings> read(SoteriaUser user, long sampleId, AuditAction action, String detail, boolean notes) {
        if (!user.can(Permission.MANAGE_CASE_REVIEWS)) {
            return Optional.empty();
        }
        return repository.sample(sampleId, user.forceCode()).map(s -> {
            List<DeepDiveRepository.Review> reviews = repository.reviews(sampleId);
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), action, "case-sample",
                    String.valueOf(sampleId)).detail(detail));
            Findings f = findingsOf(s, sampleId, reviews);
            if (!notes) {
                return f;
            }
            List<String> learning = reviews.stream().map(DeepDiveRepository.Review::learning).filter(l -> l != null)
                    .toList();
            return new Findings(s, f.byPillar(), f.reviews(), f.crimes(), f.missed(), learning, f.weighted());
        });
    }

    private Findings findingsOf(DeepDiveRepository.Sample s, long sampleId, List<DeepDiveRepository.Review> reviews) {
        Map<Long, String> strata = new java.util.HashMap<>();
        repository.sampleCrimes(sampleId).forEach(c -> strata.put(c.crimeId(), c.stratum()));
        Map<String, Integer> populations = repository.populations(sampleId);
        return new Findings(s, byPillar(templates.ofSample(sampleId), reviews, strata, populations,
                repository.settlements(sampleId)), reviews.size(),
                byCrime(reviews).size(), missed(reviews), List.of(), !populations.isEmpty());
    }
}
