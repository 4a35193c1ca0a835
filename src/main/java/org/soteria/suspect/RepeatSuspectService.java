package org.soteria.suspect;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.soteria.linkage.DisjointSets;
import org.soteria.platform.DatabaseConfig;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;

/**
 * The repeat-suspect register (repeat-suspects.md). Identity: the same person record, a shared PNC
 * identifier, or a confirmed link (transitive) — these are <em>repeat suspects</em> and count in the
 * measures. Records joined further by links the engine proposed and nobody has yet reviewed make
 * <em>possible</em> repeat suspects, shown apart and never counted until confirmed. The definition
 * (minimum crimes, lookback) is the measures' own setting, so the register and the measures agree.
 */
@Service
public class RepeatSuspectService {

    private final SuspectRepository repository;
    private final NeedToKnow needToKnow;
    private final PriorityStrategy priority;
    private final Clock clock;
    private final int minimumCrimes;
    private final int lookbackYears;

    RepeatSuspectService(SuspectRepository repository, NeedToKnow needToKnow, ApplicationContext context,
            @Value("${soteria.repeat-suspects.priority:rfg}") String strategy,
            @Value("${soteria.measures.repeat-minimum-crimes:2}") int minimumCrimes,
            @Value("${soteria.measures.repeat-lookback-years:10}") int lookbackYears, Clock clock) {
        this.repository = repository;
        this.needToKnow = needToKnow;
        this.priority = context.getBean(strategy, PriorityStrategy.class);
        this.minimumCrimes = minimumCrimes;
        this.lookbackYears = lookbackYears;
        this.clock = clock;
    }

    /** How two records of an entry are joined. */
    public record Join(SuspectRepository.Person a, SuspectRepository.Person b, String basis, String status,
            Double probability, String decidedBy, LocalDate decidedOn) {
    }

    /** A crime of an entry and whether this user may open it. */
    public record CrimeRow(SuspectRepository.CrimeLink crime, boolean canOpen, boolean counted) {

        public String label() {
            return crime.restricted() && !canOpen ? "Restricted crime" : crime.crimeRef();
        }
    }

    /** One register entry. */
    public record Entry(long id, boolean confirmed, SuspectRepository.Person latest, List<SuspectRepository.Person> records,
            List<CrimeRow> crimes, int countedCrimes, LocalDate latestCrime, PriorityStrategy.Priority priority,
            List<Join> joins, List<SuspectRepository.Order> orders, List<SuspectRepository.Order> activeOrders,
            int awaitingReview) {

        public String status() {
            return confirmed ? "Repeat suspect" : "Possible repeat suspect";
        }

        /** The person id of one of this entry's records (for the crimes table). */
        public String personIdOf(long ref) {
            return records.stream().filter(r -> r.ref() == ref).map(SuspectRepository.Person::personId).findFirst().orElse("");
        }
    }

    /** The register as of a day, with each suspect record's entry. */
    public record Register(LocalDate asOf, List<Entry> entries, Map<Long, Long> entryOfPerson) {
    }

    /** What a list shows: a filtered, sorted page of entries. */
    public record Page(List<Entry> entries, int total, int page, int pages) {
    }

    public String strategyName() {
        return priority.name();
    }

    public String strategyDescription() {
        return priority.description();
    }

    public int minimumCrimes() {
        return minimumCrimes;
    }

    public int lookbackYears() {
        return lookbackYears;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    private volatile String cachedStamp;
    private volatile Register cached;

    /**
     * The register over every stored suspect, rebuilt only when something it depends on changed: a
     * linkage run, a decision, an import or an order (measure_change), a breach, or the day.
     */
    public Register register() {
        String stamp = repository.registerStamp() + "/" + today();
        Register r = cached;
        if (r != null && stamp.equals(cachedStamp)) {
            return r;
        }
        synchronized (this) {
            if (cached == null || !stamp.equals(cachedStamp)) {
                cached = build();
                cachedStamp = stamp;
            }
            return cached;
        }
    }

    private Register build() {
        LocalDate asOf = today();
        LocalDate windowStart = asOf.minusYears(lookbackYears);
        List<SuspectRepository.Person> people = repository.suspects();
        Map<Long, SuspectRepository.Person> byRef = new HashMap<>();
        Map<Long, Integer> index = new HashMap<>();
        for (SuspectRepository.Person p : people) {
            index.put(p.ref(), index.size());
            byRef.put(p.ref(), p);
        }
        int n = people.size();
        DisjointSets confirmed = new DisjointSets(n);
        joinSamePnc(people, confirmed);
        DisjointSets possible = confirmed.copy();
        Map<Long, Long> clusters = repository.clusters();
        List<SuspectRepository.Link> links = repository.links("where status <> 'rejected'");
        for (SuspectRepository.Link l : links) {
            Integer a = index.get(l.personA());
            Integer b = index.get(l.personB());
            if (a == null || b == null) {
                continue;
            }
            if (l.status().equals("confirmed")) {
                confirmed.union(a, b);
                possible.union(a, b);
            } else if (clusters.containsKey(l.personA()) && clusters.get(l.personA()).equals(clusters.get(l.personB()))) {
                possible.union(a, b);
            }
        }
        Map<Integer, List<SuspectRepository.CrimeLink>> crimesOf = new HashMap<>();
        for (SuspectRepository.CrimeLink c : repository.suspectCrimes()) {
            Integer i = index.get(c.personRef());
            if (i != null) {
                crimesOf.computeIfAbsent(i, k -> new ArrayList<>()).add(c);
            }
        }
        Map<Integer, List<Integer>> components = new HashMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(possible.find(i), k -> new ArrayList<>()).add(i);
        }
        Map<Long, List<SuspectRepository.Order>> ordersOf = new HashMap<>();
        for (SuspectRepository.Order o : repository.orders()) {
            ordersOf.computeIfAbsent(o.personRef(), k -> new ArrayList<>()).add(o);
        }
        List<Entry> entries = new ArrayList<>();
        Map<Long, Long> entryOfPerson = new HashMap<>();
        for (List<Integer> members : components.values()) {
            Map<Long, SuspectRepository.CrimeLink> crimes = new LinkedHashMap<>();
            Map<Integer, Set<Long>> countedBySubIdentity = new HashMap<>();
            for (int i : members) {
                for (SuspectRepository.CrimeLink c : crimesOf.getOrDefault(i, List.of())) {
                    crimes.putIfAbsent(c.crimeId(), c);
                    if (counts(c, windowStart, asOf)) {
                        countedBySubIdentity.computeIfAbsent(confirmed.find(i), k -> new HashSet<>()).add(c.crimeId());
                    }
                }
            }
            long counted = crimes.values().stream().filter(c -> counts(c, windowStart, asOf)).count();
            if (counted < minimumCrimes) {
                continue;
            }
            boolean isConfirmed = countedBySubIdentity.values().stream().anyMatch(s -> s.size() >= minimumCrimes);
            List<SuspectRepository.Person> records = members.stream().map(people::get)
                    .sorted(Comparator.comparingLong(SuspectRepository.Person::ref)).toList();
            long id = records.get(0).ref();
            Set<Long> refs = new HashSet<>();
            records.forEach(r -> refs.add(r.ref()));
            List<SuspectRepository.CrimeLink> ordered = crimes.values().stream()
                    .sorted(Comparator.comparing(SuspectRepository.CrimeLink::recordedDate).reversed()).toList();
            Map<Long, Long> latestCrimeOfPerson = new HashMap<>();
            for (SuspectRepository.CrimeLink c : ordered) {
                latestCrimeOfPerson.putIfAbsent(c.personRef(), c.recordedDate().toEpochDay());
            }
            SuspectRepository.Person latest = records.stream()
                    .max(Comparator.comparingLong(p -> latestCrimeOfPerson.getOrDefault(p.ref(), 0L))).orElseThrow();
            List<SuspectRepository.CrimeLink> countedCrimes = ordered.stream().filter(c -> counts(c, windowStart, asOf)).toList();
            List<Join> joins = new ArrayList<>();
            Map<String, List<SuspectRepository.Person>> pncGroups = new LinkedHashMap<>();
            for (SuspectRepository.Person p : records) {
                if (p.pncId() != null && !p.pncId().isBlank()) {
                    pncGroups.computeIfAbsent(p.pncId().trim(), k -> new ArrayList<>()).add(p);
                }
            }
            pncGroups.values().forEach(g -> {
                for (int k = 1; k < g.size(); k++) {
                    joins.add(new Join(g.get(0), g.get(k), "Same PNC identifier", "identifier", null, null, null));
                }
            });
            int awaiting = 0;
            for (SuspectRepository.Link l : links) {
                if (refs.contains(l.personA()) && refs.contains(l.personB())) {
                    boolean isProposed = l.status().equals("proposed");
                    String pa = byRef.get(l.personA()).pncId();
                    String pb = byRef.get(l.personB()).pncId();
                    if (isProposed && pa != null && !pa.isBlank() && pb != null && pa.trim().equals(pb.trim())) {
                        continue; // one person by their identifier already
                    }
                    awaiting += isProposed ? 1 : 0;
                    joins.add(new Join(byRef.get(l.personA()), byRef.get(l.personB()),
                            isProposed ? "Proposed by the linkage engine" : "Link confirmed by a reviewer", l.status(),
                            l.probability(), l.decidedBy(),
                            l.decidedAt() == null ? null : l.decidedAt().atZoneSameInstant(DatabaseConfig.LONDON).toLocalDate()));
                }
            }
            List<SuspectRepository.Order> orders = new ArrayList<>();
            records.forEach(r -> orders.addAll(ordersOf.getOrDefault(r.ref(), List.of())));
            List<SuspectRepository.Order> active = orders.stream().filter(o -> o.activeOn(asOf)).toList();
            List<CrimeRow> rows = ordered.stream().map(c -> new CrimeRow(c, false, counts(c, windowStart, asOf))).toList();
            entries.add(new Entry(id, isConfirmed, latest, records, rows, countedCrimes.size(),
                    ordered.get(0).recordedDate(), priority.score(countedCrimes, asOf), joins, orders, active, awaiting));
            refs.forEach(r -> entryOfPerson.put(r, id));
        }
        entries.sort(Comparator.comparingInt((Entry e) -> -e.priority().score()).thenComparing(Entry::latestCrime,
                Comparator.reverseOrder()).thenComparingLong(Entry::id));
        return new Register(asOf, entries, entryOfPerson);
    }

    private static boolean counts(SuspectRepository.CrimeLink c, LocalDate from, LocalDate to) {
        return c.recordType().equals("crime") && !c.recordedDate().isBefore(from) && !c.recordedDate().isAfter(to);
    }

    /** The crimes this user may open among those given: need-to-know, and beneath it row-level security. */
    Set<Long> openable(SoteriaUser user, Set<Long> crimeIds) {
        return needToKnow.openable(user, crimeIds);
    }

    /**
     * The crimes whose entries this user may see in the register: for the force-wide roles (analysts and the
     * force lead) every unrestricted crime of their force, though they open only what need-to-know allows;
     * for officers, what they may open.
     */
    Set<Long> inScope(SoteriaUser user, Set<Long> crimeIds) {
        return inScope(user, crimeIds, null);
    }

    private Set<Long> inScope(SoteriaUser user, Set<Long> crimeIds, Set<Long> openable) {
        if (user.role() == Role.ANALYST || user.role() == Role.FORCE_LEAD) {
            return repository.unrestricted(crimeIds, user.forceCode());
        }
        return openable != null ? openable : openable(user, crimeIds);
    }

    /** The entries this user may see (one of its crimes in their scope), with which crimes they may open. */
    public List<Entry> visible(SoteriaUser user, Register register) {
        Set<Long> all = new HashSet<>();
        register.entries().forEach(e -> e.crimes().forEach(c -> all.add(c.crime().crimeId())));
        Set<Long> open = openable(user, all);
        Set<Long> seen = inScope(user, all, open);
        List<Entry> out = new ArrayList<>();
        for (Entry e : register.entries()) {
            List<CrimeRow> rows = e.crimes().stream()
                    .map(c -> new CrimeRow(c.crime(), open.contains(c.crime().crimeId()), c.counted())).toList();
            if (e.crimes().stream().anyMatch(c -> seen.contains(c.crime().crimeId()))) {
                out.add(new Entry(e.id(), e.confirmed(), e.latest(), e.records(), rows, e.countedCrimes(), e.latestCrime(),
                        e.priority(), e.joins(), e.orders(), e.activeOrders(), e.awaitingReview()));
            }
        }
        return out;
    }

    /** One entry, if this user may see it (one of its crimes is in their scope). */
    public Optional<Entry> entry(SoteriaUser user, long id) {
        return register().entries().stream().filter(e -> e.id() == id).findFirst()
                .flatMap(e -> visible(user, new Register(null, List.of(e), Map.of())).stream().findFirst());
    }

    /** Filters and sorts entries and takes one page of them. */
    public static Page page(List<Entry> entries, String status, String disruption, String name, String sort, int page, int size) {
        List<Entry> list = entries.stream()
                .filter(e -> status == null || status.isEmpty() || status.equals("confirmed") == e.confirmed())
                .filter(e -> disruption == null || disruption.isEmpty()
                        || disruption.equals("active") == !e.activeOrders().isEmpty())
                .filter(e -> name == null || name.isBlank() || e.records().stream().anyMatch(r -> r.name().toLowerCase(Locale.ROOT)
                        .contains(name.trim().toLowerCase(Locale.ROOT))))
                .sorted(switch (sort == null ? "" : sort) {
                    case "latest" -> Comparator.comparing(Entry::latestCrime).reversed();
                    case "crimes" -> Comparator.comparingInt(Entry::countedCrimes).reversed();
                    default -> Comparator.comparingInt((Entry e) -> -e.priority().score());
                })
                .toList();
        int pages = Math.max(1, (list.size() + size - 1) / size);
        int p = Math.min(Math.max(1, page), pages);
        return new Page(list.subList((p - 1) * size, Math.min(list.size(), p * size)), list.size(), p, pages);
    }

    /** Joins the records that share a PNC identifier (repeat-suspects.md: exact, non-empty). */
    private static void joinSamePnc(List<SuspectRepository.Person> people, DisjointSets parent) {
        Map<String, Integer> byPnc = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            String pnc = people.get(i).pncId();
            if (pnc != null && !pnc.isBlank()) {
                Integer other = byPnc.putIfAbsent(pnc.trim(), i);
                if (other != null) {
                    parent.union(i, other);
                }
            }
        }
    }

    /**
     * The identity keys of suspects joined by a confirmed link, for the measures: every suspect in a
     * component (same PNC identifier or confirmed links) that holds a confirmed link gets the key
     * {@code link:<lowest person ref>}.
     */
    Map<Long, String> confirmedIdentityKeys() {
        List<SuspectRepository.Person> people = repository.suspects();
        Map<Long, Integer> index = new HashMap<>();
        people.forEach(p -> index.put(p.ref(), index.size()));
        DisjointSets parent = new DisjointSets(people.size());
        joinSamePnc(people, parent);
        Set<Integer> linked = new HashSet<>();
        for (SuspectRepository.Link l : repository.links("where status = 'confirmed'")) {
            Integer a = index.get(l.personA());
            Integer b = index.get(l.personB());
            if (a != null && b != null) {
                parent.union(a, b);
                linked.add(a);
            }
        }
        Set<Integer> roots = new HashSet<>();
        linked.forEach(i -> roots.add(parent.find(i)));
        Map<Long, String> keys = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            if (roots.contains(parent.find(i))) {
                keys.put(people.get(i).ref(), "link:" + people.get(parent.find(i)).ref());
            }
        }
        return keys;
    }
}
