package org.soteria.partner;

import java.time.LocalDate;
import java.util.List;
import org.soteria.casework.Codes;
import org.soteria.casework.CpsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a CPS RASSO unit, an ISVA service and a SARC for the demo force, the demo prosecutor and ISVA as the
 * first two's users, and a few of the demo investigator's open crimes shared with those two, by the investigator
 * through the same rules as everyone (and so in the audit log). Runs when the application is ready, sharing only when nothing is shared yet.
 */
@Component
@ConditionalOnExpression("${soteria.demo:false} and '${soteria.mode:force}' != 'hub'")
class PartnerDemo {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerDemo.class);

    private final SharingRepository repository;
    private final SharingService sharing;
    private final UserService users;
    private final JdbcClient jdbc;
    private final CpsService cps;
    private final IsvaService isva;
    private final String force;

    PartnerDemo(SharingRepository repository, SharingService sharing, UserService users, JdbcClient jdbc,
            CpsService cps, IsvaService isva, @Value("${soteria.demo.force-code:NWP}") String force) {
        this.cps = cps;
        this.isva = isva;
        this.repository = repository;
        this.sharing = sharing;
        this.users = users;
        this.jdbc = jdbc;
        this.force = force;
    }

    /** The demo organisations' codes for a force. */
    static String cps(String force) {
        return force + "-CPS-RASSO";
    }

    static String isva(String force) {
        return force + "-ISVA";
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (repository.org(cps(force)).isEmpty()) {
            repository.addOrg(cps(force), force, PartnerKind.CPS, "CPS RASSO unit (demo)");
        }
        if (repository.org(isva(force)).isEmpty()) {
            repository.addOrg(isva(force), force, PartnerKind.ISVA, "ISVA service (demo)");
        }
        if (repository.org(force + "-SARC").isEmpty()) {
            // Registered, with no demo user: its advisers would sign in with the isva role on it (ADR 32).
            repository.addOrg(force + "-SARC", force, PartnerKind.SARC, "SARC (demo)");
        }
        users.placeDemoPartner(Role.CPS_PROSECUTOR, cps(force));
        users.placeDemoPartner(Role.ISVA, isva(force));
        if (repository.countLasting(cps(force)) + repository.countLasting(isva(force)) > 0) {
            return;
        }
        SoteriaUser investigator;
        try {
            investigator = (SoteriaUser) users.loadUserByUsername("investigator");
        } catch (RuntimeException e) {
            return;
        }
        // The investigator's open crimes with a victim and a suspect, newest first: three to the CPS, three to the ISVA.
        List<Long> crimes = jdbc.sql("select c.id from investigation_crime c where c.officer_code = ? "
                        + "and not c.restricted and c.record_type = 'crime' and c.outcome_code is null "
                        + "and exists (select 1 from investigation_case_person s where s.crime_id = c.id and s.role = 'suspect') "
                        + "and exists (select 1 from investigation_case_person v where v.crime_id = c.id and v.role = 'victim') "
                        + "order by c.recorded_date desc, c.id limit 6")
                .param(investigator.officerCode() == null ? "" : investigator.officerCode()).query(Long.class).list();
        LocalDate today = LocalDate.now(DatabaseConfig.LONDON);
        int shared = 0;
        for (int i = 0; i < crimes.size(); i++) {
            boolean toCps = i % 2 == 0;
            SharingService.Request r = toCps
                    ? new SharingService.Request(cps(force), List.of("file", "plan", "timeline"), "law_enforcement",
                            null, false, "The CPS gives early investigative advice on this case.", java.util.Map.of())
                    : new SharingService.Request(isva(force), List.of("contact_plan", "key_dates"), "consent",
                            today.minusDays(3 + i), false, null, java.util.Map.of());
            try {
                sharing.share(investigator, crimes.get(i), r);
                shared++;
                sendToTheCps(investigator, crimes.get(i), i, today);
                supportTheVictim(crimes.get(i), i, today);
            } catch (Invalid | java.util.NoSuchElementException e) {
                LOG.warn("Demo sharing skipped crime {}: {}", crimes.get(i), e.getMessage());
            }
        }
        LOG.info("Demo mode: {} crimes shared with the demo CPS unit and ISVA service", shared);
    }

    /** The demo adviser's work beside two victims: a support contact and a question; a concern for the officer. */
    private void supportTheVictim(long crime, int i, LocalDate today) {
        if (i != 1 && i != 3) {
            return;
        }
        SoteriaUser adviser = (SoteriaUser) users.loadUserByUsername(Role.ISVA.code());
        java.util.Map<String, String> none = java.util.Map.of();
        if (i == 1) {
            isva.record(adviser, crime, new IsvaService.Request("support", null, "phone", today, "First call after the "
                    + "referral: explained my role, the investigation's steps and what she can expect.", none));
            isva.record(adviser, crime, new IsvaService.Request("question", null, null, today, "She would like to know "
                    + "whether her phone will be returned before the interview, and when.", none));
        } else {
            isva.record(adviser, crime, new IsvaService.Request("concern", "considering_withdrawal", null, today,
                    "She says the waiting is too much and she is thinking of withdrawing. She agreed I tell you; she "
                    + "would like a call from you this week.", none));
        }
    }

    /** Something for the demo prosecutor to answer: a request for early advice, and a referral with its file ready. */
    private void sendToTheCps(SoteriaUser investigator, long crime, int i, LocalDate today) {
        if (i == 0) {
            cps.submitToCps(investigator, crime, "early_advice", today, "The suspect accepts contact but "
                    + "says it was consensual. Would the victim's messages the next morning and her friend's account of "
                    + "her call that night be enough to charge, or do we need the taxi driver too?", java.util.Map.of());
        } else if (i == 2) {
            cps.saveReadiness(investigator, crime, List.of(Codes.ReadinessItem.values()));
            cps.submitToCps(investigator, crime, "referral", today, "Rape (section 1). The victim's ABE "
                    + "account is consistent with her first account and the messages; the suspect's no comment interview; "
                    + "the medical findings support her account. We propose one charge of rape.", java.util.Map.of());
        }
    }
}
