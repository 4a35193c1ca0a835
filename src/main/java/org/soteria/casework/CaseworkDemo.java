package org.soteria.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: gives a dozen of the demo team's open crimes some casework, made by the demo accounts through
 * the same rules as everyone (and so in the audit log): stages, lines of enquiry, reviews, a request awaiting
 * approval and one approved with its device, a suspect's device waiting, bail ending soon and a CPS action.
 * Runs once, when the application is ready and no casework exists yet.
 */
@Component
@ConditionalOnExpression("${soteria.demo:false} and '${soteria.mode:force}' != 'hub'")
class CaseworkDemo {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkDemo.class);
    private static final Map<String, String> NONE = Map.of();
    private static final List<String> STAGES = List.of("initial_conversation", "early_evidence", "suspect_background",
            "victim_account", "digital_strategy", "arrest_interview", "bail_rui", "case_building");

    private final PlanService plans;
    private final ReviewService supervisorReviews;
    private final MaterialRequestService requests;
    private final ForensicsService forensics;
    private final BailService bailPeriods;
    private final CpsService cps;
    private final CaseworkSupport support;
    private final UserService users;
    private final JdbcClient jdbc;

    CaseworkDemo(PlanService plans, ReviewService supervisorReviews, MaterialRequestService requests,
            ForensicsService forensics, BailService bailPeriods, CpsService cps, CaseworkSupport support,
            UserService users, JdbcClient jdbc) {
        this.plans = plans;
        this.supervisorReviews = supervisorReviews;
        this.requests = requests;
        this.forensics = forensics;
        this.bailPeriods = bailPeriods;
        this.cps = cps;
        this.support = support;
        this.users = users;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (jdbc.sql("select count(*) from crime_stage").query(Long.class).single() > 0) {
            return;
        }
        SoteriaUser investigator;
        SoteriaUser supervisor;
        try {
            investigator = (SoteriaUser) users.loadUserByUsername("investigator");
            supervisor = (SoteriaUser) users.loadUserByUsername("supervisor");
        } catch (RuntimeException e) {
            return;
        }
        String officer = jdbc.sql("select officer_code from app_user where username = 'investigator'")
                .query(String.class).optional().orElse(null);
        if (officer == null) {
            return;
        }
        // The investigator's own open crimes with one victim and a suspect, newest first.
        List<long[]> crimes = jdbc.sql("select c.id, c.recorded_date from investigation_crime c where c.officer_code = ? and not c.restricted "
                        + "and c.record_type = 'crime' and c.outcome_code is null and exists (select 1 from investigation_case_person s "
                        + "where s.crime_id = c.id and s.role = 'suspect') and (select count(*) from investigation_case_person v "
                        + "where v.crime_id = c.id and v.role = 'victim') = 1 order by c.recorded_date desc, c.id limit 12")
                .param(officer).query((rs, i) -> new long[] {rs.getLong(1), rs.getDate(2).toLocalDate().toEpochDay()})
                .list();
        LocalDate today = support.today();
        int done = 0;
        for (int i = 0; i < crimes.size(); i++) {
            long crime = crimes.get(i)[0];
            LocalDate recorded = LocalDate.ofEpochDay(crimes.get(i)[1]);
            try {
                seed(crime, recorded, i, today, officer, investigator, supervisor);
                done++;
            } catch (Invalid e) {
                LOG.warn("Demo casework skipped crime {}: {}", crime, e.getMessage());
            }
        }
        LOG.info("Demo mode: casework added to {} crimes", done);
    }

    private void seed(long crime, LocalDate recorded, int i, LocalDate today, String officer, SoteriaUser investigator,
            SoteriaUser supervisor) {
        plans.enterStage(investigator, crime, STAGES.get(i % STAGES.size()));
        plans.addLine(investigator, crime, new PlanService.LineForm(null, "suspect_history",
                "Check the suspect's PNC and PND records and any other allegations", officer, today.plusDays(i % 6), null),
                NONE);
        if (i % 4 != 0) {
            supervisorReviews.addReview(supervisor, crime, new ReviewService.ReviewForm(today.minusDays(i % 5), Codes.Answer.YES,
                    Codes.Answer.YES, Codes.Answer.NOT_APPLICABLE, Codes.Answer.NOT_APPLICABLE, null), NONE);
        }
        long victim = jdbc.sql("select person_ref from investigation_case_person case_person where crime_id = ? and role = 'victim'").param(crime)
                .query(Long.class).single();
        long suspect = jdbc.sql("select min(person_ref) from investigation_case_person case_person where crime_id = ? and role = 'suspect'")
                .param(crime).query(Long.class).single();
        LocalDate earliest = recorded.isAfter(today.minusDays(25)) ? recorded : today.minusDays(25);
        switch (i) {
            case 1, 2 -> {
                plans.addLine(investigator, crime, new PlanService.LineForm(Codes.Focus.VICTIM, null,
                        "Establish what the victim and the suspect said to each other that evening", officer, null, null),
                        NONE);
                long line = jdbc.sql("select max(id) from enquiry_line where crime_id = ?").param(crime)
                        .query(Long.class).single();
                long request = requests.addRequest(investigator, crime, new MaterialRequestService.RequestForm(victim,
                        Codes.Material.PHONE_DOWNLOAD, line, null, "Messages between the victim and the suspect on the "
                        + "evening of the offence only", "The suspect says the meeting was agreed; the messages show "
                        + "what was said", "Screenshots from the victim do not show the times", earliest,
                        Codes.VictimView.AGREES, null), NONE);
                if (i == 2) {
                    requests.decide(supervisor, crime, request, Codes.Decision.APPROVED, null);
                    requests.markSent(investigator, crime, request, today);
                    forensics.addDevice(investigator, crime, new ForensicsService.DeviceForm("VP/1", Codes.DeviceType.PHONE,
                            Codes.DeviceOwner.VICTIM, request, today), NONE);
                }
            }
            case 3, 4 -> forensics.addDevice(investigator, crime, new ForensicsService.DeviceForm("SP/" + i,
                    Codes.DeviceType.PHONE, Codes.DeviceOwner.SUSPECT, null, earliest), NONE);
            case 5 -> bailPeriods.addBail(investigator, crime, new BailService.BailForm(suspect, Codes.BailKind.BAIL,
                    earliest, today.plusDays(9), today.plusDays(5), null,
                    "Not to contact the victim directly or indirectly; not to enter the street where she lives"), NONE);
            case 6 -> {
                cps.submitToCps(investigator, crime, "early_advice", earliest, "Is the evidence of the messages and "
                        + "the first account enough to charge, or is the taxi driver's account needed?", NONE);
                cps.addAction(investigator, crime, "Obtain a statement from the taxi driver", today.plusDays(3),
                        "police", officer, NONE);
            }
            default -> {
            }
        }
    }
}
