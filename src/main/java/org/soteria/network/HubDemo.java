package org.soteria.network;

import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.Pillar;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Demo mode of the hub (serve --mode hub --demo): the demo accounts, twelve fictional forces registered and
 * approved, each with a synthetic benchmark signed with its own key and taken in through the same checks as
 * any file, a few pieces of practice, and one refused file so the receipts show a refusal. The demo accounts
 * belong to the first force, so a force's view can be seen by signing in as force-lead.
 */
@Component
@ConditionalOnExpression("${soteria.demo:false} and '${soteria.mode:force}' == 'hub'")
class HubDemo implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(HubDemo.class);
    static final String DEMO_FORCE = "NWP";
    private static final String[][] FORCES = {
        {DEMO_FORCE, "Demo force (NWP)", "Mostly rural"}, {"DF02", "Northmoor Police", "Mostly rural"},
        {"DF03", "Eastwold Constabulary", "Mostly rural"}, {"DF04", "Valeshire Police", "Mostly rural"},
        {"DF05", "Harbourside Police", "Mixed"}, {"DF06", "Midfield Constabulary", "Mixed"},
        {"DF07", "Westmarch Police", "Mixed"}, {"DF08", "Southdown Police", "Mixed"},
        {"DF09", "Metro North Police", "Urban"}, {"DF10", "Rivercity Police", "Urban"},
        {"DF11", "Ironbridge Police", "Urban"}, {"DF12", "Greyport Police", "Urban"}};

    private final HubService hub;
    private final PracticeService practice;
    private final UserService users;
    private final Clock clock;
    private final String password;
    private final org.springframework.context.MessageSource messages;
    private final HubEvaluation evaluation;

    private final org.soteria.workforce.CourseCatalogue catalogue;

    HubDemo(HubService hub, PracticeService practice, UserService users, Clock clock,
            @Value("${SOTERIA_DEMO_PASSWORD:}") String password, org.springframework.context.MessageSource messages,
            HubEvaluation evaluation, org.soteria.workforce.CourseCatalogue catalogue) {
        this.catalogue = catalogue;
        this.messages = messages;
        this.evaluation = evaluation;
        this.hub = hub;
        this.practice = practice;
        this.users = users;
        this.clock = clock;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        String pw = users.createDemoAccounts(password, DEMO_FORCE);
        if (hub.forces().isEmpty()) {
            seed();
        }
        if (password == null || password.isBlank()) {
            System.out.println();
            System.out.println("Hub demo mode: sign in as national-coordinator (the national team) or force-lead, "
                    + "analyst, investigator or researcher (people of the demo force NWP) with the password: " + pw);
            System.out.println();
        } else {
            LOG.info("Hub demo mode: demo accounts use the password from SOTERIA_DEMO_PASSWORD");
        }
    }

    private void seed() {
        SoteriaUser coordinator = (SoteriaUser) users.loadUserByUsername(Role.NATIONAL_COORDINATOR.code());
        SplittableRandom random = new SplittableRandom(20261129L);
        List<String> groups = java.util.Arrays.stream(OffenceGroup.values()).map(OffenceGroup::code).toList();
        LocalDate today = LocalDate.now(clock);
        YearMonth thisQuarter = YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1);
        List<String> quarters = new ArrayList<>();
        for (int i = NetworkService.QUARTERS; i >= 1; i--) {
            quarters.add(NetworkService.quarterName(thisQuarter.minusMonths(3L * i)));
        }
        for (int f = 0; f < FORCES.length; f++) {
            KeyPair keys = Signing.newKeyPair();
            hub.requestRegistration(new Messages.Registration(FORCES[f][0], FORCES[f][1], Signing.encode(keys.getPublic()),
                    "rasso.network@" + FORCES[f][0].toLowerCase() + ".police.example"), "https", null);
            hub.decide(FORCES[f][0], true, FORCES[f][2], coordinator);
            double size = 0.4 + random.nextDouble() * 2.2;
            double chargeRate = 0.02 + random.nextDouble() * 0.06;
            Map<String, long[][]> counts = new LinkedHashMap<>();
            for (String m : BenchmarkBundle.MEASURES) {
                counts.put(m, new long[quarters.size()][groups.size()]);
            }
            Map<String, Integer[][]> medians = new LinkedHashMap<>();
            for (String m : BenchmarkBundle.MEDIAN_OF.keySet()) {
                medians.put(m, new Integer[quarters.size() + 1][groups.size() + 1]);
            }
            double[] groupShare = {0.38, 0.12, 0.32, 0.18};
            // Two cohorts joined Operation Soteria within the series (three forces, then four); the rest have not yet.
            int joined = f >= 1 && f <= 3 ? 3 : f >= 4 && f <= 7 ? 5 : -1;
            if (joined >= 0) {
                evaluation.setJoined(FORCES[f][0], thisQuarter.minusMonths(3L * (quarters.size() - joined)).atDay(1)
                        .toString(), coordinator);
            }
            for (int q = 0; q < quarters.size(); q++) {
                double rate = chargeRate * (1 + 0.05 * q) * (joined >= 0 && q >= joined ? 1.3 : 1);
                for (int g = 0; g < groups.size(); g++) {
                    long recorded = Math.round(size * 420 * groupShare[g % groupShare.length] * (0.9 + random.nextDouble() * 0.2));
                    long outcomes = Math.round(recorded * (0.85 + random.nextDouble() * 0.3));
                    long charged = binomial(random, outcomes, rate * (g == 2 ? 1.6 : 1));
                    long vdns = Math.min(outcomes - charged, binomial(random, outcomes, 0.38 + random.nextDouble() * 0.1));
                    counts.get(BenchmarkBundle.RECORDED)[q][g] = recorded;
                    counts.get(BenchmarkBundle.OUTCOMES)[q][g] = outcomes;
                    counts.get(BenchmarkBundle.CHARGED)[q][g] = charged;
                    counts.get(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT)[q][g] = vdns;
                    counts.get(BenchmarkBundle.THIRD_PARTY)[q][g] = binomial(random, vdns, 0.15 + 0.1 * random.nextDouble());
                    long withSuspect = binomial(random, recorded, 0.8);
                    counts.get(BenchmarkBundle.WITH_SUSPECT)[q][g] = withSuspect;
                    counts.get(BenchmarkBundle.REPEAT_SUSPECT)[q][g] = binomial(random, withSuspect, 0.2 + 0.1 * random.nextDouble());
                    for (String m : medians.keySet()) {
                        medians.get(m)[q][g] = (int) Math.round((m.equals(BenchmarkBundle.DAYS_TO_CHARGE) ? 420 : 240)
                                * (1 - 0.02 * q) * (0.8 + 0.4 * random.nextDouble()));
                    }
                }
            }
            medianTotals(medians);
            List<BenchmarkBundle.ForceQuarter> force = new ArrayList<>();
            for (int q = 0; q < quarters.size(); q++) {
                long officers = Math.round(size * 30);
                force.add(new BenchmarkBundle.ForceQuarter(Math.round(size * 12 * (0.6 + random.nextDouble())),
                        3.2 + random.nextDouble() * 0.3 + (joined >= 0 && q >= joined ? 0.3 : 0), officers,
                        Math.round(officers * (0.4 + 0.04 * q + random.nextDouble() * 0.1)), officers,
                        (int) Math.round(4 + random.nextDouble() * 5)));
            }
            BenchmarkBundle bundle = BenchmarkBundle.of(today.toString(), quarters, groups, counts, medians, force,
                    List.of());
            hub.receive(Envelope.seal(Envelope.BENCHMARK, FORCES[f][0], 1, clock.instant(), bundle, keys.getPrivate()),
                    "https", null);
            if (f % 4 != 3) {
                ProgressBundle progress = progress(new SplittableRandom(20261206L + f), today, f);
                hub.receive(Envelope.seal(Envelope.PROGRESS, FORCES[f][0], 2, clock.instant(), progress,
                        keys.getPrivate()), "https", null);
            }
            if (f == 1) {
                // a replay, to show a refusal in the receipts
                hub.receive(Envelope.seal(Envelope.BENCHMARK, FORCES[f][0], 1, clock.instant(), bundle,
                        keys.getPrivate()), "https", null);
            }
        }
        SoteriaUser lead = (SoteriaUser) users.loadUserByUsername(Role.FORCE_LEAD.code());
        catalogue(coordinator);
        long a = practice.submit(lead, new PracticeService.Form("Early investigative advice from the CPS within 28 days",
                "Every adult rape investigation is discussed with the CPS RASSO unit within 28 days of recording, by a "
                        + "fortnightly case conference that the DI chairs.",
                "The deep dive found files referred late and returned for material that early advice would have asked "
                        + "for.", "Six months before and after: days from report to referral fell from 311 to 204 "
                        + "(median); no change yet in the charge rate.", "rasso.network@nwp.police.example", "1"));
        practice.moderate(coordinator, a, "publish", null);
        long b = practice.submit(lead, new PracticeService.Form("A single point of contact for victims' phone returns",
                "A named digital media investigator tells the victim, through their SOLO, the date their phone will be "
                        + "returned, and returns it within 24 hours of the download.",
                "Victims told us in feedback that losing their phone was the hardest part of the investigation.",
                "None yet: started in the last quarter.", "rasso.network@nwp.police.example", "6"));
        practice.moderate(coordinator, b, "publish", null);
        practice.submit(lead, new PracticeService.Form("Suspect-focused briefing template",
                "A one-page briefing on the suspect's history, networks and opportunities to offend, prepared before "
                        + "arrest.", "Plans focused on the victim's credibility rather than the suspect's behaviour.",
                "Used on 40 investigations; supervisors report better arrest plans.", "rasso.network@nwp.police.example",
                "1"));
    }

    /** The default framework's sections, as the demo forces' self-assessments use them. */
    private static final String[] SECTIONS = {"suspect_focus", "repeat_suspects", "procedural_justice",
        "officer_wellbeing", "data_led", "digital_forensics", "nom_principles"};

    /** A demo force's progress: one or two signed-off cycles a year apart, levels rising a little, and a plan. */
    private ProgressBundle progress(SplittableRandom random, LocalDate today, int f) {
        List<ProgressBundle.Cycle> cycles = new ArrayList<>();
        int count = f % 3 == 0 ? 1 : 2;
        double[] base = new double[SECTIONS.length];
        for (int s = 0; s < base.length; s++) {
            base[s] = 1 + random.nextDouble() * 2;
        }
        for (int c = 0; c < count; c++) {
            List<ProgressBundle.Section> sections = new ArrayList<>();
            for (int s = 0; s < SECTIONS.length; s++) {
                double level = Math.min(4, base[s] + c * random.nextDouble() * 0.9);
                boolean pillar = s < Pillar.values().length;
                String name = pillar ? Pillar.label(s + 1) : "National Operating Model principles";
                String welsh = pillar ? org.soteria.web.Labels.found(messages, org.soteria.web.Labels.textKey(name), null,
                        org.soteria.platform.Language.WELSH.locale()) : "Egwyddorion y Model Gweithredu Cenedlaethol";
                sections.add(new ProgressBundle.Section(SECTIONS[s], s + 1, name, welsh,
                        Math.round(level * 2) / 2.0, 2, 2));
            }
            LocalDate signed = today.minusMonths(12L * (count - 1 - c) + 2);
            cycles.add(new ProgressBundle.Cycle(c + 1, "Self-assessment " + signed.getYear(), signed.toString(),
                    "Operation Soteria self-assessment", 1, sections));
        }
        List<ProgressBundle.Plan> plan = new ArrayList<>();
        for (int p = 1; p <= Pillar.values().length; p++) {
            int done = random.nextInt(4);
            int overdue = random.nextInt(3);
            int onTrack = random.nextInt(4);
            int atRisk = random.nextInt(2);
            plan.add(new ProgressBundle.Plan(p, done + overdue + onTrack + atRisk, done, overdue, onTrack, atRisk));
        }
        return new ProgressBundle(today.toString(), cycles, plan);
    }

    /** The national training catalogue's first version: the courses every Soteria starts with, named in Welsh too. */
    private void catalogue(SoteriaUser coordinator) {
        Map<String, String> welsh = Map.of(
                "ssaidp", "Rhaglen Datblygu Ymchwilwyr Ymosodiadau Rhywiol Arbenigol (SSAIDP)",
                "rasso_specialist", "Hyfforddiant arbenigol RASSO",
                "word_on_word", "Ymchwiliadau gair yn erbyn gair",
                "abe", "Cyfweld i Gael y Dystiolaeth Orau (ABE)",
                "trauma_informed", "Ymarfer wedi'i lywio gan drawma");
        for (org.soteria.workforce.CourseCatalogue.Entry e : catalogue.entries()) {
            org.soteria.workforce.CourseCatalogue.Course c = e.course();
            catalogue.save(coordinator, new org.soteria.workforce.CourseCatalogue.Course(c.code(), c.name(),
                    welsh.get(c.code()), c.kind(), c.validForMonths(), c.specialist(), c.description(), c.descriptionCy(),
                    c.retired()), true);
        }
        catalogue.publish(coordinator);
    }

    /**
     * The demo's medians of a whole row or column: synthetic, so the middle of the parts' medians stands in for the
     * median a force computes from its crimes.
     */
    private static void medianTotals(Map<String, Integer[][]> medians) {
        for (Integer[][] m : medians.values()) {
            int rows = m.length - 1;
            int columns = m[0].length - 1;
            for (int r = 0; r < rows; r++) {
                m[r][columns] = middle(java.util.Arrays.copyOf(m[r], columns));
            }
            for (int c = 0; c <= columns; c++) {
                Integer[] column = new Integer[rows];
                for (int r = 0; r < rows; r++) {
                    column[r] = m[r][c];
                }
                m[rows][c] = middle(column);
            }
        }
    }

    private static Integer middle(Integer[] values) {
        Integer[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static long binomial(SplittableRandom random, long n, double p) {
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        return Math.max(0, Math.min(n, Math.round(mean + sd * gaussian(random))));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
