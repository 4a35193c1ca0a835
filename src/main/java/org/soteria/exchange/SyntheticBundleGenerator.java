package org.soteria.exchange;

import org.soteria.platform.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OffenceGroup;

/**
 * Writes a synthetic exchange bundle that looks like a force's RASSO data over several years:
 * offence mix, report sources (some third-party reports the victim did not consent to), victims and
 * suspects with relationships, repeat suspects recorded under name and date-of-birth variants (the
 * truth in {@code truth/identities.csv}), an investigation timeline with late notifications, and an
 * outcome mix and timeliness close to the national figures. The same settings give the same bytes.
 */
public final class SyntheticBundleGenerator {

    /** What to generate. The end date is fixed rather than "today" so that a seed always gives the same bundle. */
    public record Settings(String forceCode, int crimes, long seed, LocalDate endDate, int years) {
        public Settings {
            if (forceCode == null || !forceCode.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException("force code must be 1 to 16 letters, digits, '-' or '_'");
            }
            if (crimes < 1) {
                throw new IllegalArgumentException("the number of crimes must be at least 1");
            }
            if (years < 1 || years > 30) {
                throw new IllegalArgumentException("years must be between 1 and 30");
            }
        }
    }

    /** Rows written per file. */
    public record Summary(long crimes, long people, long casePeople, long events, long officers, long teams,
            long orders, long feedback, long suspectIdentities) {
    }

    private static final String[] OFFENCES = {"19C", "19F", "19D", "19E", "19G", "19H", "20A", "20B", "17A", "17B",
        "21", "22A", "22B", "23", "70", "71", "72", "73", "88A"};
    private static final int[] OFFENCE_WEIGHTS = {34, 3, 8, 5, 1, 1, 24, 5, 3, 1, 2, 3, 3, 1, 1, 1, 1, 1, 2};
    private static final String[] RELATIONSHIPS = {"partner", "ex_partner", "family", "acquaintance", "stranger",
        "online_contact", "professional", "other", "unknown"};
    private static final int[] RELATIONSHIP_WEIGHTS = {20, 15, 10, 30, 10, 8, 3, 2, 2};
    private static final String[] REASONS = {"fear_of_suspect", "not_believed", "process_too_long", "lack_of_updates",
        "digital_request_concerns", "wants_to_move_on", "health", "pressure_from_others", "other", "not_recorded"};
    private static final int[] REASON_WEIGHTS = {14, 8, 18, 10, 8, 20, 7, 5, 4, 6};

    private final Settings settings;
    private final SplittableRandom rnd;
    /** Draws of rare names only, apart from {@link #rnd} so that they change nothing else in a bundle. */
    private final SplittableRandom names;
    private final String force;
    private long personSeq;
    private long eventSeq;
    private long orderSeq;

    private final List<Identity> identities = new ArrayList<>();
    private final List<Team> teams = new ArrayList<>();

    private SyntheticBundleGenerator(Settings settings) {
        this.settings = settings;
        this.rnd = new SplittableRandom(settings.seed());
        this.names = new SplittableRandom(settings.seed() * 31 + 17);
        this.force = settings.forceCode();
    }

    public static Summary generate(Settings settings, Path out, LongConsumer progress) throws IOException {
        return new SyntheticBundleGenerator(settings).write(out, progress);
    }

    private static final class Identity {
        final int id;
        final boolean male;
        final String[] given;
        final String family;
        final LocalDate dob;
        String postcode;
        final String birthPlace;
        final String pnc;
        String lastRecord;
        int appearances;

        Identity(int id, boolean male, String[] given, String family, LocalDate dob, String postcode,
                String birthPlace, String pnc) {
            this.id = id;
            this.male = male;
            this.given = given;
            this.family = family;
            this.dob = dob;
            this.postcode = postcode;
            this.birthPlace = birthPlace;
            this.pnc = pnc;
        }
    }

    private record Team(String code, String name, List<String> solos, List<String> investigators) {
    }

    private record Event(String id, LocalDate date, String time, String type, String personId, String officer,
            String detail) {
    }

    private Summary write(Path out, LongConsumer progress) throws IOException {
        int crimesPerYear = Math.max(1, settings.crimes() / settings.years());
        int teamCount = Math.max(3, Math.min(60, crimesPerYear / 450));
        long officers = writeTeamsAndOfficers(out, teamCount, crimesPerYear);
        LocalDate end = settings.endDate();
        LocalDate start = end.minusYears(settings.years()).plusDays(1);
        long span = end.toEpochDay() - start.toEpochDay() + 1;
        int[] seqByYear = new int[3000];
        try (CsvWriter cases = file(out, ExchangeFile.CASES, ExchangeFile.CASES.columns().toArray(String[]::new));
                CsvWriter persons = file(out, ExchangeFile.PEOPLE, ExchangeFile.PEOPLE.columns().toArray(String[]::new));
                CsvWriter links = file(out, ExchangeFile.CASE_PEOPLE, "crime_ref", "person_id", "role", "relationship",
                        "age_at_offence");
                CsvWriter timeline = file(out, ExchangeFile.EVENTS, "event_id", "crime_ref", "event_type", "occurred_at",
                        "person_id", "officer_code", "detail");
                CsvWriter orderFile = file(out, ExchangeFile.ORDERS, "order_id", "person_id", "order_type", "made_date",
                        "expires_date", "prohibitions", "breached_on");
                CsvWriter feedbackFile = file(out, ExchangeFile.FEEDBACK, "crime_ref", "person_id", "returned_date", "dignity",
                        "fairness", "voice", "safety", "trust");
                CsvWriter truth = CsvWriter.exact(out.resolve("truth").resolve("identities.csv"), "person_id",
                        "identity_id")) {
            for (int i = 0; i < settings.crimes(); i++) {
                LocalDate recorded = start.plusDays(Math.min(span - 1, (long) ((double) i * span / settings.crimes())));
                int year = recorded.getYear();
                String crimeRef = force + "/" + year + "/" + String.format("%06d", ++seqByYear[year % 3000]);
                Team team = teams.get(rnd.nextInt(teams.size()));
                String oic = pick(team.investigators());
                String solo = pick(team.solos());
                String offence = weighted(OFFENCES, OFFENCE_WEIGHTS);
                OffenceCode code = OffenceCode.parse(offence).orElseThrow();
                LocalDate offenceDate = rnd.nextInt(100) < 70 ? recorded.minusDays(rnd.nextInt(4))
                        : rnd.nextInt(100) < 85 ? recorded.minusDays(5 + rnd.nextInt(700)) : null;
                int typeRoll = rnd.nextInt(1000);
                String recordType = typeRoll < 880 ? "crime" : typeRoll < 980 ? "n100" : "cancelled";
                String n100 = recordType.equals("n100") ? Integer.toString(1 + weightedIndex(new int[] {70, 20, 10}))
                        : null;
                int sourceRoll = rnd.nextInt(100);
                String source = sourceRoll < 82 ? "victim" : sourceRoll < 92 ? "third_party"
                        : sourceRoll < 98 ? "professional" : "other";
                String consented;
                if (source.equals("victim")) {
                    consented = rnd.nextInt(100) < 70 ? "true" : null;
                } else {
                    int c = rnd.nextInt(100);
                    consented = c < 40 ? "true" : c < 75 ? "false" : null;
                }
                boolean unconsented = "false".equals(consented);
                boolean restricted = rnd.nextInt(1000) < 8;

                // Outcome and how long it takes.
                String outcome = null;
                LocalDate outcomeDate = null;
                String group = "open";
                if (recordType.equals("crime")) {
                    int g = rnd.nextInt(1000);
                    int days;
                    if (g < 45) {
                        group = "charged";
                        outcome = rnd.nextInt(10) == 0 ? "1A" : "1";
                        days = logNormalDays(480, 0.5);
                    } else if (g < 545 || (unconsented && g < 700)) {
                        group = "vdns";
                        outcome = rnd.nextInt(4) == 0 ? "14" : "16";
                        days = logNormalDays(110, 0.9);
                    } else if (g < 825) {
                        group = "15";
                        outcome = "15";
                        days = logNormalDays(300, 0.7);
                    } else if (g < 905) {
                        group = "18";
                        outcome = "18";
                        days = logNormalDays(80, 0.8);
                    } else if (g < 915) {
                        group = "ooc";
                        outcome = new String[] {"3", "3", "2", "8", "3A"}[rnd.nextInt(5)];
                        days = logNormalDays(200, 0.7);
                    } else if (g < 980) {
                        group = "npi";
                        outcome = new String[] {"10", "21", "17", "9", "12", "13", "5", "22"}[weightedIndex(
                                new int[] {25, 20, 10, 20, 8, 8, 4, 5})];
                        days = logNormalDays(240, 0.8);
                    } else {
                        group = "transferred";
                        outcome = "20";
                        days = logNormalDays(40, 0.8);
                    }
                    outcomeDate = recorded.plusDays(days);
                    if (outcomeDate.isAfter(end)) {
                        outcome = null;
                        outcomeDate = null;
                        group = "open";
                    }
                }
                cases.row(crimeRef, force, recordType, n100, offence, recorded, offenceDate, source, consented,
                        team.code(), oic, outcome, outcomeDate, restricted ? "true" : "false");

                // People: the victim, perhaps a suspect, perhaps a witness.
                boolean maleVictim = offence.startsWith("19F") || offence.startsWith("19G") || offence.startsWith("19H")
                        || offence.startsWith("17") || (code.group() == OffenceGroup.OTHER_SEXUAL && rnd.nextInt(5) == 0);
                int victimAge = victimAge(offence);
                LocalDate when = offenceDate != null ? offenceDate : recorded;
                String victimId = newPersonId();
                LocalDate victimDob = when.minusYears(victimAge).minusDays(rnd.nextInt(365));
                String[] vg = givenNames(maleVictim);
                persons.row(victimId, force, vg[0], null, familyName(),
                        rnd.nextInt(100) < 95 ? victimDob.toString() : null, maleVictim ? "male" : "female",
                        postcode(), null, rnd.nextInt(100) < 50 ? SyntheticNames.place(rnd) : null, null,
                        rnd.nextInt(100) < 80 ? "07700 9" + String.format("%05d", rnd.nextInt(100000)) : null, null);
                links.row(crimeRef, victimId, "victim", null, victimAge);

                boolean hasSuspect = recordType.equals("crime") && !group.equals("18")
                        && !(outcome != null && outcome.equals("14")) && (!group.equals("open") || rnd.nextInt(100) < 85);
                String suspectId = null;
                Identity identity = null;
                if (hasSuspect) {
                    identity = suspectIdentity(when);
                    String record = suspectRecord(identity, persons, truth);
                    suspectId = record;
                    int age = Math.max(10, when.getYear() - identity.dob.getYear());
                    links.row(crimeRef, suspectId, "suspect", weighted(RELATIONSHIPS, RELATIONSHIP_WEIGHTS),
                            rnd.nextInt(100) < 90 ? Integer.toString(age) : null);
                }
                if (rnd.nextInt(100) < 15) {
                    String witnessId = newPersonId();
                    boolean male = rnd.nextBoolean();
                    persons.row(witnessId, force, givenNames(male)[0], null, familyName(),
                            null, male ? "male" : "female", postcode(), null, null, null, null, null);
                    links.row(crimeRef, witnessId, "witness", null, null);
                }

                // The timeline.
                List<Event> ev = timeline(recordType, group, outcome, recorded, outcomeDate, end, victimId, suspectId,
                        oic, solo, unconsented);
                for (Event e : ev) {
                    timeline.row(e.id(), crimeRef, e.type(), e.time() == null ? e.date().toString()
                            : e.date() + "T" + e.time(), e.personId(), e.officer(), e.detail());
                }

                // Disruption orders.
                if (suspectId != null) {
                    for (Event e : ev) {
                        if (e.type().equals("bail") && rnd.nextInt(100) < 30) {
                            orderFile.row(newOrderId(), suspectId, "pre_charge_bail_conditions", e.date(),
                                    e.date().plusMonths(3), "No contact with the victim; not to enter the victim's street",
                                    rnd.nextInt(100) < 8 ? e.date().plusDays(10 + rnd.nextInt(60)) : null);
                        }
                        if (e.type().equals("court_outcome") && "convicted".equals(e.detail()) && rnd.nextBoolean()) {
                            orderFile.row(newOrderId(), suspectId, "SHPO", e.date(), e.date().plusYears(10),
                                    "Not to have unsupervised contact with children under 16", null);
                        }
                    }
                    if (identity.appearances == 3 && rnd.nextInt(100) < 40) {
                        LocalDate made = recorded.plusDays(30 + rnd.nextInt(90));
                        if (!made.isAfter(end)) {
                            boolean interim = rnd.nextInt(4) == 0;
                            orderFile.row(newOrderId(), suspectId, interim ? "interim_SRO" : "SRO", made,
                                    made.plusYears(interim ? 0 : 2).plusMonths(interim ? 6 : 0),
                                    "Not to contact women met through dating apps without disclosing the order", null);
                        }
                    }
                }

                // Procedural-justice feedback from some victims.
                if (recordType.equals("crime") && rnd.nextInt(100) < 12) {
                    LocalDate returned = recorded.plusDays(30 + rnd.nextInt(170));
                    if (!returned.isAfter(end)) {
                        feedbackFile.row(crimeRef, victimId, returned, score(), score(), score(), score(), score());
                    }
                }
                if ((i + 1) % 100_000 == 0) {
                    progress.accept(i + 1);
                }
            }
            return new Summary(cases.rows(), persons.rows(), links.rows(), timeline.rows(), officers, teams.size(),
                    orderFile.rows(), feedbackFile.rows(), identities.size());
        }
    }

    /** One file of the bundle with the given columns of the exchange schema (a bundle may leave columns out). */
    private static CsvWriter file(Path out, ExchangeFile file, String... columns) throws IOException {
        return CsvWriter.exact(out.resolve(file.file()), file.header(columns));
    }

    private long writeTeamsAndOfficers(Path out, int teamCount, int crimesPerYear) throws IOException {
        long officers = 0;
        int investigatorsPerTeam = Math.max(6, crimesPerYear / teamCount / 40);
        int officerSeq = 0;
        try (CsvWriter teamFile = file(out, ExchangeFile.TEAMS, ExchangeFile.TEAMS.columns().toArray(String[]::new));
                CsvWriter officerFile = file(out, ExchangeFile.OFFICERS, "officer_code", "display_name", "team_code", "role",
                        "accredited_until")) {
            for (int t = 1; t <= teamCount; t++) {
                String code = String.format("T%02d", t);
                String area = SyntheticNames.PLACES.get((t - 1) % 15);
                String name = "RASSO team " + t + " (" + area + ")";
                teamFile.row(code, name, force);
                String supervisor = officerCode(++officerSeq);
                officerFile.row(supervisor, officerName(), code, "supervisor", accreditation());
                List<String> solos = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    String solo = officerCode(++officerSeq);
                    solos.add(solo);
                    officerFile.row(solo, officerName(), code, "solo", accreditation());
                }
                List<String> investigators = new ArrayList<>();
                for (int k = 0; k < investigatorsPerTeam; k++) {
                    String inv = officerCode(++officerSeq);
                    investigators.add(inv);
                    officerFile.row(inv, officerName(), code, "investigator", accreditation());
                }
                officers += 3 + investigatorsPerTeam;
                teams.add(new Team(code, name, solos, investigators));
            }
        }
        return officers;
    }

    private String officerCode(int n) {
        return force + "-O" + String.format("%04d", n);
    }

    private String officerName() {
        boolean male = rnd.nextBoolean();
        String rank = new String[] {"DC", "DC", "DC", "PC", "DS"}[rnd.nextInt(5)];
        return rank + " " + SyntheticNames.given(rnd, male)[0] + " " + SyntheticNames.family(rnd);
    }

    private LocalDate accreditation() {
        int r = rnd.nextInt(100);
        if (r < 40) {
            return null;
        }
        return settings.endDate().plusDays(rnd.nextInt(900) - 200L);
    }

    /**
     * A person's given name with its diminutives. Drawn from the main sequence as always, then, from a
     * stream of its own (so that the rest of a bundle is the same), sometimes replaced by a rarer name.
     */
    private String[] givenNames(boolean male) {
        String[] common = SyntheticNames.given(rnd, male);
        return names.nextInt(100) < 35 ? new String[] {SyntheticNames.rareGiven(names, male)} : common;
    }

    private String familyName() {
        String common = SyntheticNames.family(rnd);
        return names.nextInt(100) < 60 ? SyntheticNames.rareFamily(names) : common;
    }

    private String newPersonId() {
        return force + "-P" + String.format("%07d", ++personSeq);
    }

    private String newEventId() {
        return force + "-E" + String.format("%08d", ++eventSeq);
    }

    private String newOrderId() {
        return force + "-ORD" + String.format("%06d", ++orderSeq);
    }

    private Identity suspectIdentity(LocalDate when) {
        if (!identities.isEmpty() && rnd.nextInt(100) < 14) {
            int window = Math.min(identities.size(), 4000);
            Identity existing = identities.get(identities.size() - 1 - rnd.nextInt(window));
            existing.appearances++;
            return existing;
        }
        boolean male = rnd.nextInt(100) < 95;
        int age = 16 + (int) Math.min(60, Math.abs(rnd.nextGaussian() * 14 + 10));
        LocalDate dob = when.minusYears(age).minusDays(rnd.nextInt(365));
        Identity id = new Identity(identities.size() + 1, male, givenNames(male), familyName(), dob, postcode(), SyntheticNames.place(rnd),
                rnd.nextInt(100) < 40 ? pnc(dob) : null);
        id.appearances = 1;
        identities.add(id);
        return id;
    }

    /** The person record of a suspect's appearance: often a new record with the variants records systems hold. */
    private String suspectRecord(Identity identity, CsvWriter persons, CsvWriter truth) throws IOException {
        if (identity.lastRecord != null && rnd.nextInt(100) < 35) {
            return identity.lastRecord;
        }
        String id = newPersonId();
        String given;
        int g = rnd.nextInt(100);
        if (g < 55 || identity.given.length == 1 && g < 80) {
            given = identity.given[0];
        } else if (g < 80) {
            given = identity.given[1 + rnd.nextInt(identity.given.length - 1)];
        } else if (g < 90) {
            given = SyntheticNames.typo(rnd, identity.given[0]);
        } else if (g < 95) {
            given = identity.given[0].substring(0, 1);
        } else {
            given = null;
        }
        int f = rnd.nextInt(100);
        String family = f < 90 ? identity.family : f < 97 ? SyntheticNames.typo(rnd, identity.family) : null;
        if (rnd.nextInt(100) < 3 && given != null && family != null) {
            String t = given;
            given = family;
            family = t;
        }
        if (rnd.nextInt(100) < 10 && given != null) {
            given = rnd.nextBoolean() ? given.toUpperCase() : given.toLowerCase();
        }
        String dob = dobVariant(identity.dob);
        int p = rnd.nextInt(100);
        if (p >= 60 && p < 90) {
            identity.postcode = postcode();
        }
        String postcode = p < 90 ? identity.postcode : null;
        if (postcode != null && rnd.nextInt(100) < 15) {
            postcode = postcode.replace(" ", "").toLowerCase();
        }
        String pnc = identity.pnc != null && rnd.nextInt(100) < 60 ? identity.pnc : null;
        String middle = rnd.nextInt(100) < 10 ? SyntheticNames.given(rnd, identity.male)[0] : null;
        persons.row(id, force, given, middle, family, dob, identity.male ? "male" : "female", postcode, null,
                rnd.nextInt(100) < 60 ? identity.birthPlace : null, pnc, null, null);
        truth.row(id, "S" + identity.id);
        identity.lastRecord = id;
        return id;
    }

    private String dobVariant(LocalDate dob) {
        int r = rnd.nextInt(100);
        if (r < 70) {
            return dob.toString();
        } else if (r < 78) {
            return null;
        } else if (r < 83) {
            return Integer.toString(dob.getYear());
        } else if (r < 88 && dob.getDayOfMonth() <= 12 && dob.getDayOfMonth() != dob.getMonthValue()) {
            return LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue()).toString();
        } else if (r < 93) {
            int day = dob.getDayOfMonth();
            int typo = day % 10 == 9 ? day - 1 : day + 1;
            return dob.withDayOfMonth(Math.min(typo, dob.lengthOfMonth())).toString();
        } else {
            return dob.plusYears(rnd.nextBoolean() ? 1 : -1).toString();
        }
    }

    private List<Event> timeline(String recordType, String group, String outcome, LocalDate recorded,
            LocalDate outcomeDate, LocalDate end, String victim, String suspect, String oic, String solo,
            boolean unconsented) {
        List<Event> ev = new ArrayList<>();
        LocalDate last = outcomeDate != null ? outcomeDate : end;
        LocalDate first = recorded.plusDays(rnd.nextInt(100) < 85 ? 0 : 1);
        if (!recordType.equals("crime")) {
            if (!first.isAfter(end)) {
                ev.add(new Event(newEventId(), first, time(), "first_contact", victim, solo, null));
            }
            return ev;
        }
        add(ev, end, new Event(newEventId(), first, time(), "first_contact", victim, solo, null));
        int na = rnd.nextInt(100);
        if (na < 85) {
            add(ev, end, new Event(newEventId(), first, null, "needs_assessment", victim, solo, null));
        } else if (na < 95) {
            add(ev, end, new Event(newEventId(), first.plusDays(1 + rnd.nextInt(5)), null, "needs_assessment", victim,
                    solo, null));
        }
        int sr = rnd.nextInt(100);
        if (sr < 95) {
            LocalDate d = sr < 85 ? recorded.plusDays(rnd.nextInt(3)) : recorded.plusDays(3 + rnd.nextInt(8));
            String detail = new String[] {"isva", "isva", "victim_support", "declined", "other"}[rnd.nextInt(5)];
            add(ev, end, new Event(newEventId(), d, null, "support_referral", victim, solo, detail));
        }
        LocalDate cursor = recorded;
        if (suspect != null) {
            cursor = recorded.plusDays(rnd.nextInt(20));
            add(ev, last, new Event(newEventId(), cursor, null, "suspect_identified", suspect, oic, null));
            int path = rnd.nextInt(100);
            if (path < 55) {
                cursor = cursor.plusDays(1 + rnd.nextInt(40));
                keyEvent(ev, last, cursor, "arrest", suspect, oic, victim, solo);
                keyEvent(ev, last, cursor, "interview_under_caution", suspect, oic, victim, solo);
                int release = rnd.nextInt(100);
                if (release < 40) {
                    keyEvent(ev, last, cursor, "bail", suspect, oic, victim, solo);
                    if (rnd.nextInt(100) < 20) {
                        keyEvent(ev, last, cursor.plusDays(28 + rnd.nextInt(60)), "bail_change", suspect, oic, victim,
                                solo);
                    }
                } else if (release < 85) {
                    keyEvent(ev, last, cursor, "released_under_investigation", suspect, oic, victim, solo);
                }
            } else if (path < 80) {
                cursor = cursor.plusDays(5 + rnd.nextInt(60));
                add(ev, last, new Event(newEventId(), cursor, time(), "voluntary_interview", suspect, oic, null));
            }
            if (rnd.nextInt(100) < 10) {
                add(ev, last, new Event(newEventId(), cursor.plusDays(20 + rnd.nextInt(60)), null, "cps_early_advice",
                        null, oic, null));
            }
        }
        // Updates to the victim while the investigation runs.
        LocalDate update = recorded.plusDays(28 + rnd.nextInt(30));
        for (int u = 0; u < 12 && !update.isAfter(last) && !update.isAfter(end); u++) {
            ev.add(new Event(null, update, null, "victim_update", victim, solo, null));
            update = update.plusDays(30 + rnd.nextInt(45));
        }
        if (outcomeDate != null) {
            switch (group) {
                case "charged" -> {
                    LocalDate referral = latest(cursor.plusDays(10), outcomeDate.minusDays(30 + rnd.nextInt(90)));
                    add(ev, end, new Event(newEventId(), referral, null, "cps_referral", null, oic, null));
                    add(ev, end, new Event(newEventId(), outcomeDate.minusDays(rnd.nextInt(3)), null, "cps_decision",
                            null, null, "charge"));
                    keyEvent(ev, end, outcomeDate, "charge", suspect, oic, victim, solo);
                    LocalDate court = outcomeDate.plusDays(200 + rnd.nextInt(300));
                    int verdict = rnd.nextInt(100);
                    add(ev, end, new Event(newEventId(), court, null, "court_outcome", suspect, null,
                            verdict < 60 ? "convicted" : verdict < 88 ? "acquitted" : "discontinued"));
                }
                case "vdns" -> {
                    LocalDate withdrawal = latest(recorded, outcomeDate.minusDays(5 + rnd.nextInt(55)));
                    String reason = unconsented && rnd.nextInt(100) < 60 ? "did_not_make_report"
                            : weighted(REASONS, REASON_WEIGHTS);
                    add(ev, end, new Event(newEventId(), withdrawal, null, "victim_withdrawal", victim, solo, reason));
                    if (rnd.nextInt(100) < 6) {
                        add(ev, end, new Event(newEventId(), withdrawal.plusDays(10 + rnd.nextInt(30)), null,
                                "victim_reengaged", victim, solo, null));
                    }
                    keyEvent(ev, end, outcomeDate, "nfa_decision", suspect, oic, victim, solo);
                }
                case "15" -> {
                    if (rnd.nextInt(100) < 30) {
                        LocalDate referral = latest(cursor.plusDays(10), outcomeDate.minusDays(20 + rnd.nextInt(90)));
                        add(ev, end, new Event(newEventId(), referral, null, "cps_referral", null, oic, null));
                        add(ev, end, new Event(newEventId(), outcomeDate.minusDays(rnd.nextInt(5)), null,
                                "cps_decision", null, null, rnd.nextInt(100) < 20 ? "further_evidence_requested"
                                        : "no_charge"));
                    }
                    keyEvent(ev, end, outcomeDate, "nfa_decision", suspect, oic, victim, solo);
                    if (rnd.nextInt(100) < 5) {
                        add(ev, end, new Event(newEventId(), outcomeDate.plusDays(5 + rnd.nextInt(50)), null,
                                "vrr_request", victim, solo, null));
                    }
                }
                case "ooc" -> keyEvent(ev, end, outcomeDate, "out_of_court_disposal", suspect, oic, victim, solo);
                case "transferred" -> {
                    // Another agency takes it on; nothing more happens here.
                }
                default -> keyEvent(ev, end, outcomeDate, "nfa_decision", suspect, oic, victim, solo);
            }
        }
        ev.sort(Comparator.comparing(Event::date));
        return ev;
    }

    /** A key event and, usually, the victim being told of it: on time, late, or (sometimes) never. */
    private void keyEvent(List<Event> ev, LocalDate limit, LocalDate date, String type, String suspect, String oic,
            String victim, String solo) {
        Event key = new Event(newEventId(), date, time(), type, suspect, oic, null);
        if (!add(ev, limit, key)) {
            return;
        }
        int r = rnd.nextInt(100);
        if (r < 93) {
            LocalDate told = r < 78 ? nextWorkingDay(date, rnd.nextInt(100) < 50 ? 0 : 1)
                    : nextWorkingDay(date, 2 + rnd.nextInt(8));
            add(ev, settings.endDate(), new Event(newEventId(), told, time(), "victim_notified", victim, solo, key.id()));
        }
    }

    private static LocalDate nextWorkingDay(LocalDate date, int workingDays) {
        LocalDate d = date;
        for (int i = 0; i < workingDays; i++) {
            d = d.plusDays(1);
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
        }
        return d;
    }

    private static boolean add(List<Event> ev, LocalDate limit, Event e) {
        if (e.date().isAfter(limit)) {
            return false;
        }
        ev.add(e);
        return true;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private String time() {
        return String.format("%02d:%02d:00", 8 + rnd.nextInt(12), rnd.nextInt(60));
    }

    private int victimAge(String offence) {
        return switch (offence) {
            case "19E", "19H", "20B", "17B", "21" -> 4 + rnd.nextInt(9);
            case "19D", "19G", "22B" -> 13 + rnd.nextInt(3);
            case "71", "88A" -> 11 + rnd.nextInt(7);
            default -> 16 + (int) Math.min(60, Math.abs(rnd.nextGaussian() * 10 + 6));
        };
    }

    private int logNormalDays(double median, double sigma) {
        return (int) Math.max(1, Math.round(median * Math.exp(sigma * rnd.nextGaussian())));
    }

    private String postcode() {
        String[] areas = {"LL", "CH", "SY"};
        char a = (char) ('A' + rnd.nextInt(26));
        char b = (char) ('A' + rnd.nextInt(26));
        return areas[rnd.nextInt(areas.length)] + (1 + rnd.nextInt(77)) + " " + rnd.nextInt(10)
                + (a == 'C' || a == 'I' || a == 'K' ? 'D' : a) + (b == 'C' || b == 'I' || b == 'K' ? 'U' : b);
    }

    private String pnc(LocalDate dob) {
        return (dob.getYear() % 100 < 10 ? "0" : "") + (dob.getYear() % 100) + "/" + (100000 + rnd.nextInt(900000))
                + (char) ('A' + rnd.nextInt(26));
    }

    private String score() {
        return Integer.toString(new int[] {1, 2, 3, 3, 4, 4, 4, 5, 5}[rnd.nextInt(9)]);
    }

    private String pick(List<String> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private String weighted(String[] values, int[] weights) {
        return values[weightedIndex(weights)];
    }

    private int weightedIndex(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
