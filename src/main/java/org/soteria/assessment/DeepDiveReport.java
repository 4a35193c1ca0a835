package org.soteria.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.soteria.performance.Measure;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
import org.soteria.reference.Pillar;
import org.soteria.security.SoteriaUser;
import org.soteria.survey.SurveyResults;
import org.soteria.survey.SurveyService;
import org.soteria.survey.SurveyTheme;
import org.soteria.survey.SurveyWave;
import org.springframework.stereotype.Service;

/**
 * The deep-dive report (issue 26): for each pillar, what the case file review found, what officers said (the survey's
 * statements and the focus groups' themes) and what the force's data show over the sample's period, with the
 * improvement actions answering the findings. Everything in it is shown elsewhere under the same rules (findings
 * weighted to the caseload, survey groups of at least k, measures at force level); the report puts them side by side.
 */
@Service
public class DeepDiveReport {

    /** One measure of the data for a pillar: a share, a number of days (the median) or a count; null when none. */
    public record Figure(Measure measure, String kind, Number value, boolean withheld) {
    }

    /** A pillar's part of the report. */
    public record Part(int number, String label, List<DeepDiveService.Finding> findings, DeepDiveService.Missed missed,
            SurveyResults.PillarMean surveyMean, List<SurveyResults.Item> statements, List<SurveyTheme> themes,
            List<Figure> data, List<ImprovementRepository.Action> actions) {
    }

    /** The report: the sample, the survey wave chosen (null: none), the closed waves to choose from, each pillar. */
    public record Report(DeepDiveService.Findings findings, SurveyWave survey, SurveyResults.Results surveyResults,
            List<SurveyWave> waves, List<Part> parts, LocalDate asOf) {
    }

    private record DataMeasure(int pillar, Measure measure, String kind, Function<Measures, Number> value) {
    }

    /** The engine's measures that speak to each pillar (kpis.md and docs/partner-measures.md). */
    private static final List<DataMeasure> DATA = List.of(
            new DataMeasure(1, Measure.CHARGE_RATE, "rate", m -> m.chargeRate().value()),
            new DataMeasure(1, Measure.DAYS_TO_CHARGE, "days", m -> m.daysToCharge().median()),
            new DataMeasure(1, Measure.CPS_CHARGE_RATE, "rate", m -> m.cpsChargeRate().value()),
            new DataMeasure(2, Measure.REPEAT_SUSPECT_SHARE, "rate",
                    m -> m.repeatSuspectShare() == null ? null : m.repeatSuspectShare().value()),
            new DataMeasure(2, Measure.ACTIVE_DISRUPTIONS, "count",
                    m -> m.activeDisruptions() == null ? null : m.activeDisruptions().total()),
            new DataMeasure(3, Measure.VICTIMS_CODE_COMPLIANCE, "rate", m -> m.victimsCodeCompliance().total().value()),
            new DataMeasure(3, Measure.VICTIM_DOES_NOT_SUPPORT_RATE, "rate", m -> m.victimDoesNotSupportRate().value()),
            new DataMeasure(3, Measure.ISVA_REFERRALS, "rate", m -> m.partners().isvaReferrals().value()),
            new DataMeasure(4, Measure.ACCREDITED_SHARE, "rate",
                    m -> m.accreditedShare() == null ? null : m.accreditedShare().value()),
            new DataMeasure(4, Measure.ABSTRACTION_DAYS, "count", Measures::abstractionDays));

    private final DeepDiveService deepDive;
    private final SurveyService surveys;
    private final MeasureService measures;
    private final ImprovementService plan;

    DeepDiveReport(DeepDiveService deepDive, SurveyService surveys, MeasureService measures, ImprovementService plan) {
        this.deepDive = deepDive;
        this.surveys = surveys;
        this.measures = measures;
        this.plan = plan;
    }

    /**
     * The report of a sample, with the survey wave {@code waveId} (null: the newest closed one; 0: none); empty when the
     * user may not read the sample's findings or it is not their force's. {@code export}: audited as an export.
     */
    public Optional<Report> of(SoteriaUser user, long sampleId, Long waveId, boolean export) {
        Optional<DeepDiveService.Findings> found = export ? deepDive.findingsExport(user, sampleId)
                : deepDive.findingsForReport(user, sampleId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeepDiveService.Findings f = found.get();
        List<SurveyWave> waves = surveys.closedWaves(user);
        SurveyWave wave = waveId == null ? (waves.isEmpty() ? null : waves.get(0))
                : waves.stream().filter(w -> w.id() == waveId).findFirst().orElse(null);
        SurveyService.Detail detail = wave == null ? null : surveys.detail(user, wave.id());
        SurveyResults.Results results = detail == null ? null : detail.results();
        LocalDate asOf = surveys.today();
        MeasureFilter force = MeasureFilter.of(Map.of("force", List.of(user.forceCode())));
        Measures m = measures.publish(new MeasureQuery(f.sample().recordedFrom(), f.sample().recordedTo(), asOf, force));
        Map<String, List<ImprovementRepository.Action>> answering = plan.answering(user, Answers.Kind.DEEP_DIVE,
                sampleId);
        List<Part> parts = new ArrayList<>();
        for (Pillar p : Pillar.values()) {
            int n = p.ordinal() + 1;
            List<DeepDiveService.Finding> findings = f.byPillar().getOrDefault(p.label(), List.of());
            List<ImprovementRepository.Action> actions = new ArrayList<>();
            findings.forEach(x -> actions.addAll(answering.getOrDefault(x.item().code(), List.of())));
            if (n == 2) {
                actions.addAll(answering.getOrDefault(Answers.MISSED, List.of()));
            }
            SurveyResults.PillarMean mean = results == null || results.withheld() ? null : results.pillars().stream()
                    .filter(x -> x.pillar() == n).findFirst().orElse(null);
            List<SurveyResults.Item> statements = results == null || results.withheld() ? List.of()
                    : results.items().stream().filter(i -> i.question().pillar() == n).toList();
            List<SurveyTheme> themes = detail == null ? List.of()
                    : detail.themes().stream().filter(t -> t.pillar() == n).toList();
            List<Figure> data = DATA.stream().filter(d -> d.pillar() == n)
                    .map(d -> new Figure(d.measure(), d.kind(), m.isWithheld(d.measure()) ? null : d.value().apply(m),
                            m.isWithheld(d.measure()))).toList();
            parts.add(new Part(n, p.label(), findings, n == 2 ? f.missed() : null, mean, statements, themes, data,
                    actions.stream().distinct().toList()));
        }
        return Optional.of(new Report(f, wave, results, waves, parts, asOf));
    }
}
