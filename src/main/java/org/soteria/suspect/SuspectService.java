package org.soteria.suspect;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.performance.MeasureService;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing proposed links, and recording disruption: orders and bail conditions, their reviews and
 * breaches, with the alerts they raise. Every read and change of suspects' personal data is audited.
 */
@Service
public class SuspectService implements org.soteria.investigation.SuspectNotices {

    /** Days ahead that an expiring order or a due review is flagged. */
    static final int EXPIRY_WARNING_DAYS = 28;
    static final int REVIEW_WARNING_DAYS = 14;
    /** How far back a new crime naming someone subject to an order is flagged. */
    static final int NEW_CRIME_DAYS = 90;
    static final List<String> ORDER_TYPES = List.of("SRO", "interim_SRO", "SHPO", "interim_SHPO",
            "pre_charge_bail_conditions", "other");

    private final SuspectRepository repository;
    private final RepeatSuspectService register;
    private final LinkageService linkage;
    private final MeasureService measures;
    private final AuditService audit;
    private final Clock clock;

    SuspectService(SuspectRepository repository, RepeatSuspectService register, LinkageService linkage,
            MeasureService measures, AuditService audit, Clock clock) {
        this.repository = repository;
        this.register = register;
        this.linkage = linkage;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    public static String orderTypeLabel(String type) {
        return switch (type) {
            case "SRO" -> "Sexual Risk Order";
            case "interim_SRO" -> "Interim Sexual Risk Order";
            case "SHPO" -> "Sexual Harm Prevention Order";
            case "interim_SHPO" -> "Interim Sexual Harm Prevention Order";
            case "pre_charge_bail_conditions" -> "Pre-charge bail conditions";
            default -> "Other order or condition";
        };
    }

    /** A probability as a percentage a reviewer reads at a glance: "97.2%" (pages say "more than 99.9%" in words when {@link #nearCertain}). */
    public static String percent(double probability) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", Math.min(probability, 0.999) * 100);
    }

    /** True when the probability would round to 100%: pages say "more than 99.9%" in the page's language. */
    public static boolean nearCertain(double probability) {
        return probability >= 0.9995;
    }

    /** A proposed link for review: both records, the crimes each is a suspect in, the engine's explanation. */
    public record Review(SuspectRepository.Link link, SuspectRepository.Person a, SuspectRepository.Person b,
            List<SuspectRepository.CrimeLink> crimesA, List<SuspectRepository.CrimeLink> crimesB, List<Part> parts) {
    }

    /** One field's part in a proposed link. */
    public record Part(String field, String level, double weight) {
    }

    /** Links awaiting review that this user may see (one of the records is a suspect in a crime open to them). */
    public List<Review> awaiting(SoteriaUser user) {
        List<SuspectRepository.Link> links = repository.links("where status = 'proposed' order by probability desc, "
                + "person_a, person_b");
        return reviews(user, links);
    }

    public Optional<Review> review(SoteriaUser user, long a, long b) {
        return reviews(user, repository.links("where person_a = ? and person_b = ?", Math.min(a, b), Math.max(a, b)))
                .stream().findFirst();
    }

    private List<Review> reviews(SoteriaUser user, List<SuspectRepository.Link> links) {
        Set<Long> refs = new HashSet<>();
        links.forEach(l -> {
            refs.add(l.personA());
            refs.add(l.personB());
        });
        Map<Long, SuspectRepository.Person> people = new HashMap<>();
        repository.people(new ArrayList<>(refs)).forEach(p -> people.put(p.ref(), p));
        Map<Long, List<SuspectRepository.CrimeLink>> crimes = new HashMap<>();
        repository.suspectCrimes(refs).forEach(c -> crimes.computeIfAbsent(c.personRef(), k -> new ArrayList<>()).add(c));
        Set<Long> allCrimes = new HashSet<>();
        crimes.values().forEach(list -> list.forEach(c -> allCrimes.add(c.crimeId())));
        Set<Long> open = register.inScope(user, allCrimes);
        List<Review> out = new ArrayList<>();
        for (SuspectRepository.Link l : links) {
            List<SuspectRepository.CrimeLink> ca = crimes.getOrDefault(l.personA(), List.of());
            List<SuspectRepository.CrimeLink> cb = crimes.getOrDefault(l.personB(), List.of());
            boolean seen = ca.stream().anyMatch(c -> open.contains(c.crimeId())) || cb.stream().anyMatch(c -> open.contains(c.crimeId()));
            if (seen && people.containsKey(l.personA()) && people.containsKey(l.personB())
                    && (l.status().equals("proposed") ? !samePnc(people.get(l.personA()), people.get(l.personB())) : true)) {
                out.add(new Review(l, people.get(l.personA()), people.get(l.personB()), ca, cb, parts(l.explanation())));
            }
        }
        return out;
    }

    /** Records with one PNC identifier are one person already: their link needs no review. */
    private static boolean samePnc(SuspectRepository.Person a, SuspectRepository.Person b) {
        return a.pncId() != null && !a.pncId().isBlank() && b.pncId() != null && a.pncId().trim().equals(b.pncId().trim());
    }

    static List<Part> parts(String explanation) {
        List<Part> parts = new ArrayList<>();
        for (String item : explanation.split(";")) {
            String[] p = item.split(":");
            if (p.length != 3 || p[0].equals("prior")) {
                continue;
            }
            org.soteria.linkage.Field field = java.util.Arrays.stream(org.soteria.linkage.Field.values())
                    .filter(f -> f.column().equals(p[0])).findFirst().orElse(null);
            if (field != null) {
                parts.add(new Part(field.label(), field.level(Integer.parseInt(p[1])), Double.parseDouble(p[2])));
            }
        }
        return parts;
    }

    /** Records a decision (null: none chosen) on a proposed link, with its reason; the clusters and the measures follow. */
    @Transactional
    public void decide(SoteriaUser user, Review review, Boolean confirm, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (confirm == null) {
            errors.put("decision", "{suspectError.selectWhetherTheseRecordsAre}");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "{suspectError.enterWhyYouDecidedThis}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        SuspectRepository.Link l = review.link();
        repository.decide(l.personA(), l.personB(), confirm ? "confirmed" : "rejected", user.getUsername(),
                OffsetDateTime.now(clock), reason);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "person-link",
                l.personA() + "-" + l.personB())
                .records(List.of("person:" + review.a().forceCode() + "/" + review.a().personId(),
                        "person:" + review.b().forceCode() + "/" + review.b().personId()))
                .detail((confirm ? "confirmed" : "rejected") + ": " + reason));
        linkage.reclusterSoon();
        if (repository.replaceIdentities(register.confirmedIdentityKeys())) {
            measures.reloadAll();
        }
    }

    /** Audits a view of suspects' records. */
    public void audited(SoteriaUser user, AuditAction action, String objectType, String objectRef,
            List<SuspectRepository.Person> people, String detail) {
        List<String> records = people.stream().map(p -> "person:" + p.forceCode() + "/" + p.personId()).distinct().toList();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), action, objectType, objectRef)
                .records(records).detail(detail));
    }

    /** An order with the person it binds (for lists and alerts). */
    public record OrderRow(SuspectRepository.Order order, SuspectRepository.Person person, Long entryId) {

        public String typeLabel() {
            return orderTypeLabel(order.type());
        }
    }

    /** Orders this user may see: of people in register entries or records open to them. */
    public List<OrderRow> orders(SoteriaUser user) {
        RepeatSuspectService.Register reg = register.register();
        List<SuspectRepository.Order> orders = repository.orders();
        Set<Long> refs = new HashSet<>();
        orders.forEach(o -> refs.add(o.personRef()));
        Map<Long, SuspectRepository.Person> people = new HashMap<>();
        repository.people(new ArrayList<>(refs)).forEach(p -> people.put(p.ref(), p));
        Set<Long> visiblePeople = visiblePeople(user, refs);
        List<OrderRow> out = new ArrayList<>();
        for (SuspectRepository.Order o : orders) {
            if (visiblePeople.contains(o.personRef()) && people.containsKey(o.personRef())) {
                out.add(new OrderRow(o, people.get(o.personRef()), reg.entryOfPerson().get(o.personRef())));
            }
        }
        return out;
    }

    /**
     * People whose crimes (as suspects) include one open to this user, or who belong to a register entry
     * this user may see.
     */
    Set<Long> visiblePeople(SoteriaUser user, Set<Long> refs) {
        Set<Long> out = directlyVisible(user, refs);
        for (RepeatSuspectService.Entry e : register.visible(user, register.register())) {
            if (e.records().stream().anyMatch(r -> refs.contains(r.ref()))) {
                e.records().forEach(r -> {
                    if (refs.contains(r.ref())) {
                        out.add(r.ref());
                    }
                });
            }
        }
        return out;
    }

    private Set<Long> directlyVisible(SoteriaUser user, Set<Long> refs) {
        Map<Long, List<Long>> crimesOf = new HashMap<>();
        repository.suspectCrimes(refs).forEach(c -> crimesOf.computeIfAbsent(c.personRef(), k -> new ArrayList<>())
                .add(c.crimeId()));
        Set<Long> all = new HashSet<>();
        crimesOf.values().forEach(all::addAll);
        Set<Long> open = register.inScope(user, all);
        Set<Long> out = new HashSet<>();
        crimesOf.forEach((ref, ids) -> {
            if (ids.stream().anyMatch(open::contains)) {
                out.add(ref);
            }
        });
        return out;
    }

    public Optional<OrderRow> order(SoteriaUser user, String force, String orderId) {
        return orders(user).stream().filter(r -> r.order().forceCode().equals(force) && r.order().orderId().equals(orderId))
                .findFirst();
    }

    public List<SuspectRepository.Breach> breaches(OrderRow row) {
        return repository.breaches(row.order().forceCode(), row.order().orderId());
    }

    /** Who a person record names, for another feature to show beside something about them. */
    public record PersonSummary(long ref, String personId, String name, String dateOfBirth) {
    }

    public Optional<PersonSummary> summary(long ref) {
        return person(ref).map(p -> new PersonSummary(p.ref(), p.personId(), p.name(), p.dateOfBirth()));
    }

    public Optional<SuspectRepository.Person> person(long ref) {
        return repository.people(List.of(ref)).stream().findFirst();
    }

    /** Records an order; returns its id. Errors are by field, for the form. */
    @Transactional
    public String recordOrder(SoteriaUser user, SuspectRepository.Person person, String type, LocalDate made,
            LocalDate expires, LocalDate review, String prohibitions) {
        Map<String, String> errors = checkOrder(type, made, expires, review, prohibitions);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String id = "SOT-ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        repository.insertOrder(new SuspectRepository.Order(person.forceCode(), id, person.ref(), type, made, expires, review,
                prohibitions, null, user.getUsername()), OffsetDateTime.now(clock));
        repository.measuresChanged();
        audited(user, AuditAction.CHANGE, "order", person.forceCode() + "/" + id, List.of(person), "recorded " + type);
        return id;
    }

    /**
     * Records a suspect's pre-charge bail conditions as an order (so the register, the disruption alerts,
     * breaches and {@code active_disruptions} see them); returns the order's id.
     */
    @Transactional
    public String recordBailConditions(SoteriaUser user, long personRef, LocalDate made, LocalDate expires,
            String conditions) {
        SuspectRepository.Person person = person(personRef).orElseThrow(() -> new IllegalArgumentException(
                "No person " + personRef));
        return recordOrder(user, person, "pre_charge_bail_conditions", made, expires, null, conditions);
    }

    /** Moves the end of bail conditions recorded by {@link #recordBailConditions} (bail extended or ended). */
    @Transactional
    public void changeBailConditionsExpiry(SoteriaUser user, long personRef, String force, String orderId,
            LocalDate expires) {
        repository.orders(List.of(personRef)).stream().filter(o -> o.forceCode().equals(force) && o.orderId().equals(orderId)).findFirst()
                .ifPresent(o -> {
                    repository.review(force, orderId, o.reviewDate(), expires);
                    repository.measuresChanged();
                    audited(user, AuditAction.CHANGE, "order", force + "/" + orderId, person(o.personRef()).stream()
                            .toList(), "bail conditions now end on " + expires);
                });
    }

    /** The dates of an order's recorded breaches, newest first. */
    public List<LocalDate> breachDates(String force, String orderId) {
        return repository.breaches(force, orderId).stream().map(SuspectRepository.Breach::breachedOn).toList();
    }

    /**
     * What is wrong with an order as given (empty when nothing): the type is one of the list, made on a
     * day not yet to come, an interim order or bail conditions with an expiry, dates in order, and the
     * prohibitions written out. The form asks this too, so that every fault shows at once.
     */
    public Map<String, String> checkOrder(String type, LocalDate made, LocalDate expires, LocalDate review,
            String prohibitions) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (type == null || !ORDER_TYPES.contains(type)) {
            errors.put("type", "{suspectError.selectTheTypeOfOrder}");
        }
        if (made == null) {
            errors.put("madeDate", "{suspectError.enterDateMadeOrImposed}");
        } else if (made.isAfter(register.today())) {
            errors.put("madeDate", "{suspectError.dateMadeOrImposedMust}");
        }
        if (expires != null && made != null && expires.isBefore(made)) {
            errors.put("expiresDate", "{suspectError.expiryDateMustBeOn}");
        }
        if (expires == null && type != null && (type.startsWith("interim_") || type.equals("pre_charge_bail_conditions"))) {
            errors.put("expiresDate", "{suspectError.enterTheExpiryDateInterim}");
        }
        if (review != null && made != null && review.isBefore(made)) {
            errors.put("reviewDate", "{suspectError.nextReviewDateMustBe}");
        }
        if (prohibitions == null || prohibitions.isBlank()) {
            errors.put("prohibitions", "{suspectError.enterTheProhibitionsOrConditions}");
        }
        return errors;
    }

    @Transactional
    public void reviewOrder(SoteriaUser user, OrderRow row, LocalDate review, LocalDate expires) {
        if (expires != null && row.order().madeDate() != null && expires.isBefore(row.order().madeDate())) {
            throw new Invalid("expiresDate", Fault.notBefore("field.expiryDate", "when.dayOrderMade",
                    row.order().madeDate()));
        }
        repository.review(row.order().forceCode(), row.order().orderId(), review, expires);
        repository.measuresChanged();
        audited(user, AuditAction.CHANGE, "order", row.order().forceCode() + "/" + row.order().orderId(),
                List.of(row.person()), "review date " + review + ", expires " + expires);
    }

    @Transactional
    public void recordBreach(SoteriaUser user, OrderRow row, LocalDate on, String crimeRef, String note) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (on == null) {
            errors.put("breachedOn", "{suspectError.enterDateOfTheBreach}");
        } else if (on.isAfter(register.today())) {
            errors.put("breachedOn", "{suspectError.dateOfTheBreachMust}");
        } else if (row.order().madeDate() != null && on.isBefore(row.order().madeDate())) {
            errors.put("breachedOn", Fault.notBefore("field.dateOfTheBreach", "when.dayOrderMade",
                    row.order().madeDate()));
        }
        if (note == null || note.isBlank()) {
            errors.put("note", "{suspectError.enterWhatHappenedForExample}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.insertBreach(row.order().forceCode(), row.order().orderId(), on, crimeRef, note, user.getUsername(),
                OffsetDateTime.now(clock));
        audited(user, AuditAction.CHANGE, "order", row.order().forceCode() + "/" + row.order().orderId(),
                List.of(row.person()), "breach on " + on);
    }

    /** What needs attention: orders expiring or due for review, and new crimes naming someone subject to an order. */
    public record Alerts(List<OrderRow> expiring, List<OrderRow> reviewDue, List<NewCrime> newCrimes) {

        public int total() {
            return expiring.size() + reviewDue.size() + newCrimes.size();
        }
    }

    /** A crime recorded while someone linked to its suspect was subject to an order. */
    public record NewCrime(OrderRow order, SuspectRepository.CrimeLink crime, SuspectRepository.Person suspect,
            boolean canOpen) {
    }

    public Alerts alerts(SoteriaUser user) {
        LocalDate today = register.today();
        List<OrderRow> rows = orders(user);
        List<OrderRow> expiring = rows.stream().filter(r -> r.order().activeOn(today) && r.order().expiresDate() != null
                && !r.order().expiresDate().isAfter(today.plusDays(EXPIRY_WARNING_DAYS)))
                .sorted(java.util.Comparator.comparing(r -> r.order().expiresDate())).toList();
        List<OrderRow> review = rows.stream().filter(r -> r.order().activeOn(today) && r.order().reviewDate() != null
                && !r.order().reviewDate().isAfter(today.plusDays(REVIEW_WARNING_DAYS)))
                .sorted(java.util.Comparator.comparing(r -> r.order().reviewDate())).toList();
        RepeatSuspectService.Register reg = register.register();
        Map<Long, List<Long>> peopleOfEntry = new HashMap<>();
        reg.entryOfPerson().forEach((person, entry) -> peopleOfEntry.computeIfAbsent(entry, k -> new ArrayList<>()).add(person));
        Set<Long> bound = new HashSet<>();
        rows.forEach(r -> bound.addAll(r.entryId() == null ? List.of(r.order().personRef()) : peopleOfEntry.get(r.entryId())));
        Map<Long, List<SuspectRepository.CrimeLink>> crimesOf = new HashMap<>();
        repository.suspectCrimes(bound).forEach(c -> crimesOf.computeIfAbsent(c.personRef(), k -> new ArrayList<>()).add(c));
        record Candidate(OrderRow order, SuspectRepository.CrimeLink crime) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (OrderRow r : rows) {
            List<Long> same = r.entryId() == null ? List.of(r.order().personRef()) : peopleOfEntry.get(r.entryId());
            for (long person : same) {
                for (SuspectRepository.CrimeLink c : crimesOf.getOrDefault(person, List.of())) {
                    if (r.order().activeOn(c.recordedDate()) && !c.recordedDate().isBefore(today.minusDays(NEW_CRIME_DAYS))) {
                        candidates.add(new Candidate(r, c));
                    }
                }
            }
        }
        Set<Long> crimeIds = new HashSet<>();
        Set<Long> people = new HashSet<>();
        candidates.forEach(c -> {
            crimeIds.add(c.crime().crimeId());
            people.add(c.crime().personRef());
        });
        Set<Long> open = register.openable(user, crimeIds);
        Map<Long, SuspectRepository.Person> byRef = new HashMap<>();
        repository.people(new ArrayList<>(people)).forEach(p -> byRef.put(p.ref(), p));
        Map<String, NewCrime> found = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            found.putIfAbsent(c.order().order().orderId() + "/" + c.crime().crimeId(), new NewCrime(c.order(), c.crime(),
                    byRef.get(c.crime().personRef()), open.contains(c.crime().crimeId())));
        }
        return new Alerts(expiring, review, new ArrayList<>(found.values()));
    }

    /** For a crime's page: its suspects who are repeat suspects or subject to an order. */
    public record Prompt(SuspectRepository.Person suspect, Long entryId, String status, List<OrderRow> activeOrders) {
    }

    /**
     * The prompts for a crime the user already has open (so need-to-know is met): its suspects' register
     * entries and the orders in force that bind them or the records linked to them. A few queries, whatever
     * the size of the force: the register is cached and only these people's orders are read.
     */
    @Override
    public List<Prompt> about(SoteriaUser user, long crimeId) {
        return prompts(user, crimeId);
    }

    /** As {@link #about}, typed for the investigation plan's prompts. */
    public List<Prompt> prompts(SoteriaUser user, long crimeId) {
        if (!user.can(Permission.VIEW_REPEAT_SUSPECTS)) {
            return List.of();
        }
        List<SuspectRepository.CrimeLink> suspectsOfCrime = repository.suspectsOf(crimeId);
        if (suspectsOfCrime.isEmpty()) {
            return List.of();
        }
        RepeatSuspectService.Register reg = register.register();
        Map<Long, RepeatSuspectService.Entry> entries = new HashMap<>();
        reg.entries().forEach(e -> entries.put(e.id(), e));
        Map<Long, Set<Long>> linked = new HashMap<>();
        Set<Long> everyone = new HashSet<>();
        for (SuspectRepository.CrimeLink c : suspectsOfCrime) {
            Long entryId = reg.entryOfPerson().get(c.personRef());
            Set<Long> same = new HashSet<>(Set.of(c.personRef()));
            if (entryId != null) {
                entries.get(entryId).records().forEach(r -> same.add(r.ref()));
            }
            linked.put(c.personRef(), same);
            everyone.addAll(same);
        }
        LocalDate today = register.today();
        List<SuspectRepository.Order> active = repository.orders(everyone).stream().filter(o -> o.activeOn(today)).toList();
        Map<Long, SuspectRepository.Person> people = new HashMap<>();
        repository.people(new ArrayList<>(everyone)).forEach(p -> people.put(p.ref(), p));
        List<Prompt> out = new ArrayList<>();
        for (SuspectRepository.CrimeLink c : suspectsOfCrime) {
            Long entryId = reg.entryOfPerson().get(c.personRef());
            Set<Long> same = linked.get(c.personRef());
            List<OrderRow> orders = active.stream().filter(o -> same.contains(o.personRef()))
                    .map(o -> new OrderRow(o, people.get(o.personRef()), entryId)).toList();
            if (entryId != null || !orders.isEmpty()) {
                out.add(new Prompt(people.get(c.personRef()), entryId, entryId == null ? null : entries.get(entryId).status(),
                        orders));
            }
        }
        return out;
    }
}
