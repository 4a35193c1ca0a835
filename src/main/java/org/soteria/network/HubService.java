package org.soteria.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.pprl.Matcher;
import org.soteria.security.Permission;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The learning network's hub: forces register, send signed files (benchmarks, encodings, requests for their
 * notices) over HTTPS or by upload, and the hub checks each one, keeps a receipt saying why it accepted or
 * refused it, publishes the comparisons and reports cross-force pairs to both forces.
 */
@Service
public class HubService {

    public static final String HUB = "HUB";

    private final HubRepository repository;
    private final NetworkKeys keys;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Matcher matcher;
    private final HubProgress progress;
    private final org.springframework.beans.factory.ObjectProvider<PracticeService> practice;

    public HubService(HubRepository repository, NetworkKeys keys, AuditService audit, TransactionTemplate tx,
            Clock clock, HubProgress progress, org.springframework.beans.factory.ObjectProvider<PracticeService> practice,
            @Value("${soteria.network.match-threshold:" + Matcher.DEFAULT_THRESHOLD + "}") double threshold) {
        this.repository = repository;
        this.keys = keys;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.matcher = new Matcher(threshold);
        this.progress = progress;
        this.practice = practice;
    }

    public Messages.HubInfo info() {
        NetworkKeys.Identity id = keys.identity(HUB);
        return new Messages.HubInfo(id.sender(), id.publicKey(), id.fingerprint());
    }

    // ---- registration ----

    /**
     * Records a force's request to join, to wait for the national team's approval; refuses one that would
     * replace the key of an approved force (that needs the national team).
     */
    public String requestRegistration(Messages.Registration r, String via, String by) {
        Map<String, String> invalid = new LinkedHashMap<>();
        if (r == null) {
            throw new Invalid("file", "{networkError.theRegistrationIsEmpty}");
        }
        if (r.force() == null || !r.force().matches("[A-Z0-9]{2,8}")) {
            invalid.put("force", "{networkError.theForceCodeMustBe}");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            invalid.put("name", "{networkError.enterTheForcesNameUp}");
        }
        if (r.contact() == null || r.contact().isBlank() || r.contact().length() > 200) {
            invalid.put("contact", "{networkError.enterAContactForThe}");
        }
        try {
            if (r.publicKey() != null) {
                Signing.publicKey(r.publicKey());
            } else {
                invalid.put("publicKey", "{networkError.theRegistrationHasNoPublic}");
            }
        } catch (IllegalArgumentException e) {
            invalid.put("publicKey", Fault.of("networkError.publicKeyIs", e.getMessage()));
        }
        if (!invalid.isEmpty()) {
            throw new Invalid(invalid);
        }
        return tx.execute(s -> {
            var existing = repository.force(r.force());
            if (existing.isPresent() && existing.get().approved()) {
                if (existing.get().publicKey().equals(r.publicKey().strip())) {
                    return existing.get().fingerprint();
                }
                throw new Invalid("publicKey", r.force() + " is already registered with another key: ask the "
                        + "national team to remove the old registration first");
            }
            if (existing.isPresent() && "pending".equals(existing.get().status())
                    && !existing.get().publicKey().equals(r.publicKey().strip())) {
                throw new Invalid("publicKey", r.force() + " already has a registration waiting for the national "
                        + "team with another key. If that one is not yours, tell the national team; they refuse it, "
                        + "and then you can register again");
            }
            repository.upsertRequest(new Messages.Registration(r.force(), r.name().strip(), r.publicKey().strip(),
                    r.contact().strip()));
            audit.record(by == null ? r.force() : by, by == null ? "FORCE" : "", AuditAction.CHANGE, "hub_force",
                    r.force(), "registration requested via " + via);
            return Signing.fingerprint(r.publicKey());
        });
    }

    public List<HubRepository.HubForce> forces() {
        return repository.forces();
    }

    public HubRepository.HubForce force(String code) {
        return repository.force(code).orElseThrow(() -> new java.util.NoSuchElementException("No force " + code));
    }

    public List<String> peerGroups() {
        return repository.peerGroups();
    }

    /** The national team approves (with a peer group) or refuses a force's registration. */
    public void decide(String code, boolean approve, String peerGroup, SoteriaUser by) {
        force(code);
        String group = peerGroup == null || peerGroup.isBlank() ? null : peerGroup.strip();
        if (approve && group == null) {
            throw new Invalid("peerGroup", "{networkError.enterPeerGroup}");
        }
        if (group != null && group.length() > 60) {
            throw new Invalid("peerGroup", "{networkError.thePeerGroupMustBe}");
        }
        tx.executeWithoutResult(s -> {
            repository.decide(code, approve ? "approved" : "refused", group, by.getUsername());
            audit.record(by.getUsername(), by.role().name(), AuditAction.CHANGE, "hub_force", code,
                    approve ? "approved, peer group " + group : "refused");
        });
    }

    // ---- files received ----

    /**
     * Checks and takes in one signed file. Every file gets a receipt, accepted or refused with the reason;
     * a refused file changes nothing else. {@code uploader} is the hub user who uploaded it (null over HTTPS):
     * a force's user may upload only their own force's files.
     */
    public Messages.Answer receive(String text, String via, SoteriaUser uploader) {
        return receive(() -> Envelope.open(text), via, uploader);
    }

    /** The key of an approved force, if {@code force} is one: the API reads nothing from anyone else. */
    public java.util.Optional<java.security.PublicKey> approvedKey(String force) {
        return force == null ? java.util.Optional.empty() : repository.force(force)
                .filter(HubRepository.HubForce::approved).map(f -> Signing.publicKey(f.publicKey()));
    }

    /**
     * A file over the API from a force named before it was read: its signature is checked before its body is parsed,
     * and a file whose signature fails gets no receipt (anyone can claim a force's name; only the force can sign).
     */
    public Messages.Answer receiveFrom(String text, String sender, java.security.PublicKey key) {
        Envelope.Opened opened;
        try {
            opened = Envelope.openFrom(text, sender, key);
        } catch (Envelope.Rejected e) {
            return new Messages.Answer(false, e.reason().name(), e.getMessage(), null, null);
        }
        return receive(() -> opened, "https", null);
    }

    private Messages.Answer receive(java.util.function.Supplier<Envelope.Opened> open, String via,
            SoteriaUser uploader) {
        Envelope.Opened opened = null;
        try {
            opened = open.get();
            Envelope.Opened o = opened;
            if (uploader != null && uploader.role() != Role.NATIONAL_COORDINATOR
                    && !o.body().sender().equals(uploader.forceCode())) {
                throw new Envelope.Rejected(Envelope.Reason.NOT_APPROVED, "This file is from " + o.body().sender()
                        + "; you can upload only your own force's files");
            }
            return tx.execute(s -> accept(o, via, uploader));
        } catch (Envelope.Rejected e) {
            Envelope.Body b = opened == null ? null : opened.body();
            long receipt = tx.execute(s -> repository.receipt(b == null ? null : b.sender(), b == null ? null : b.type(),
                    b == null ? null : b.sequence(), b == null ? null : b.id(), via, false, e.getMessage(),
                    uploader == null ? null : uploader.getUsername()));
            return new Messages.Answer(false, e.reason().name(), e.getMessage(), receipt, null);
        }
    }

    private Messages.Answer accept(Envelope.Opened o, String via, SoteriaUser uploader) {
        Envelope.Body b = o.body();
        HubRepository.HubForce force = repository.force(b.sender()).orElseThrow(() -> new Envelope.Rejected(
                Envelope.Reason.UNKNOWN_SENDER, b.sender() + " is not registered with this hub"));
        if (!force.approved()) {
            throw new Envelope.Rejected(Envelope.Reason.NOT_APPROVED, b.sender() + "'s registration is " + force.status()
                    + ": the national team must approve it before the hub accepts its files");
        }
        o.verifiedWith(Signing.publicKey(force.publicKey()));
        if (java.util.Set.of(Envelope.NOTICES, Envelope.FRAMEWORKS, Envelope.CATALOGUE, Envelope.NATIONAL_GUIDANCE)
                .contains(b.type())) {
            throw new Envelope.Rejected(Envelope.Reason.MALFORMED, "A " + b.type() + " file comes from the hub, not to it");
        }
        if (repository.acceptedBefore(b.id()) || b.sequence() <= force.lastSequence()) {
            throw new Envelope.Rejected(Envelope.Reason.REPLAYED, "Already received: this file's sequence number is "
                    + b.sequence() + " and the hub has accepted up to " + force.lastSequence() + " from " + b.sender()
                    + ". Make a new file instead of sending an old one again");
        }
        String detail;
        long receipt;
        Messages.Checkpoint witnessed = null;
        switch (b.type()) {
            case Envelope.BENCHMARK -> {
                BenchmarkBundle bundle = o.payload(BenchmarkBundle.class);
                Envelope.refuseIf("The benchmark cannot be published: ", bundle.problems());
                receipt = receipt(b, via, uploader);
                repository.replaceBenchmark(b.sender(), bundle, receipt);
                repository.addForceFigures(b.sender(), bundle, receipt);
                detail = "benchmark for " + bundle.quarters().get(0) + " to "
                        + bundle.quarters().get(bundle.quarters().size() - 1) + " published";
            }
            case Envelope.ENCODINGS -> {
                Messages.Encodings encodings = o.payload(Messages.Encodings.class);
                List<Matcher.Encoded> records = EncodingsCheck.records(encodings);
                receipt = receipt(b, via, uploader);
                repository.replaceEncodings(b.sender(), encodings.keyId(), records);
                int pairs = 0;
                for (Matcher.Match m : matcher.against(records, repository.otherEncodings(b.sender(), encodings.keyId()))) {
                    repository.addMatch(b.sender(), m.token(), m.otherForce(), m.otherToken(), m.score());
                    pairs++;
                }
                detail = records.size() + " encoded suspects received; " + pairs + " possible matches with other forces";
            }
            case Envelope.PROGRESS -> {
                ProgressBundle progress = o.payload(ProgressBundle.class);
                Envelope.refuseIf("The progress file cannot be taken: ", progress.problems());
                receipt = receipt(b, via, uploader);
                detail = this.progress.take(b.sender(), progress, receipt);
            }
            case Envelope.GUIDANCE -> {
                Messages.Guidance guidance = o.payload(Messages.Guidance.class);
                Envelope.refuseIf("The guidance file cannot be taken: ", guidance.problems());
                receipt = receipt(b, via, uploader);
                detail = practice.getObject().takeGuidance(b.sender(), guidance);
            }
            case Envelope.CHECKPOINT -> {
                Messages.Checkpoint cp = o.payload(Messages.Checkpoint.class).checked();
                receipt = receipt(b, via, uploader);
                witnessed = repository.keepCheckpoint(b.sender(), cp);
                detail = "audit checkpoint received; the hub holds " + b.sender() + "'s checkpoint of record "
                        + witnessed.seq();
            }
            default -> {
                receipt = receipt(b, via, uploader);
                detail = "notices sent";
            }
        }
        if (!repository.advance(b.sender(), b.sequence())) {
            throw new Envelope.Rejected(Envelope.Reason.REPLAYED, "Already received: a file with sequence "
                    + b.sequence() + " or later from " + b.sender() + " arrived at the same time");
        }
        String notices = Envelope.NOTICES_REQUEST.equals(b.type()) ? noticesFile(b.sender()) : null;
        return new Messages.Answer(true, null, detail, receipt, notices, witnessed);
    }

    private long receipt(Envelope.Body b, String via, SoteriaUser uploader) {
        return repository.receipt(b.sender(), b.type(), b.sequence(), b.id(), via, true, null,
                uploader == null ? null : uploader.getUsername());
    }

    /**
     * A force's notices file for a hub user to download and take to the force: only the national team or a
     * member of that force may; the download is logged.
     */
    public String noticesFileFor(SoteriaUser user, String force) {
        if (!user.can(Permission.MODERATE_NETWORK) && !force.equals(user.forceCode())) {
            throw new SecurityException(user.getUsername() + " is not of " + force);
        }
        String file = noticesFile(force);
        audit.record(user.getUsername(), user.role().name(), AuditAction.EXPORT, "hub_notices", force,
                "notices file downloaded");
        return file;
    }

    /** The signed notices file for a force: its possible matches with other forces. */
    public String noticesFile(String force) {
        NetworkKeys.Identity hub = keys.identity(HUB);
        Messages.Notices n = new Messages.Notices(force, repository.noticesFor(force));
        return Envelope.seal(Envelope.NOTICES, HUB, clock.millis(), clock.instant(), n, hub.privateKey());
    }

    /** The latest audit checkpoint a force sent, for the national team's page of the force. */
    public java.util.Optional<Messages.Checkpoint> checkpoint(String force) {
        return repository.checkpoint(force);
    }

    public List<HubRepository.Receipt> receipts(String sender, int page, int size) {
        return repository.receipts(sender, (page - 1) * size, size);
    }

    public long receiptCount(String sender) {
        return repository.receiptCount(sender);
    }

    public List<HubRepository.PairCount> pairCounts() {
        return repository.pairCounts();
    }

    public long encodingCount(String force) {
        return repository.encodingCount(force);
    }

    // ---- comparisons ----

    /** One force on the funnel plot (named only for the national team and for the force itself). */
    public record Point(String force, String label, boolean own, boolean peer, long outcomes, long numerator,
            double rate, Funnel.Position position) {
    }

    /** A quarter of the trend: the force's rate (null when withheld), its peers' and the national one. */
    public record TrendRow(String quarter, String forceShown, Double force, Double peers, Double national) {
    }

    /** A comparison as one viewer may see it. */
    public record Comparison(Compared measure, String quarter, List<String> quarters, String focus, String focusName,
            String peerGroup, Double national, Double peers, List<Point> points, int withheld, List<TrendRow> trend,
            String group) {

        public Point focusPoint() {
            return points.stream().filter(Point::own).findFirst().orElse(null);
        }

        /**
         * A figure as the page writes it: a rate as a percentage; an amount in its {@code unit} ("{0} days"), whole,
         * or to two places for a mean score.
         */
        public String figure(Double v, String unit) {
            if (v == null) {
                return null;
            }
            if (!measure.amount()) {
                return String.format(java.util.Locale.UK, "%.1f%%", v * 100);
            }
            String amount = measure.kind() == Compared.Kind.MEAN ? String.format(java.util.Locale.UK, "%.2f", v)
                    : String.format(java.util.Locale.UK, "%,d", Math.round(v));
            return unit == null ? amount : java.text.MessageFormat.format(unit, amount);
        }
    }

    /**
     * The comparison for a quarter (or "total", the whole period of the bundles): every force whose counts are
     * shown, the national and peer pooled rates, and the trend of {@code focus}. {@code names} says whether
     * other forces may be named (the national team) or only counted (a force). {@code group}: an offence group's
     * code, or anything else for all groups together.
     */
    public Comparison comparison(Compared measure, String quarter, String focus, boolean names, String group) {
        String g = org.soteria.reference.Coded.parse(org.soteria.reference.OffenceGroup.class, group).isPresent() ? group
                : BenchmarkBundle.ALL_GROUPS;
        List<String> quarters = repository.quarters();
        String q = quarter != null && (quarters.contains(quarter) || SmallNumbers.TOTAL.equals(quarter)) ? quarter
                : quarters.isEmpty() ? SmallNumbers.TOTAL : quarters.get(quarters.size() - 1);
        Map<String, HubRepository.HubForce> forces = new LinkedHashMap<>();
        for (HubRepository.HubForce f : repository.forces()) {
            if (f.approved()) {
                forces.put(f.code(), f);
            }
        }
        HubRepository.HubForce focused = focus == null ? null : forces.get(focus);
        String peerGroup = focused == null ? null : focused.peerGroup();
        Map<String, Map<String, Map<String, String>>> byQuarter = byQuarter(repository.cells(g));
        Map<String, Map<String, String>> byForce = byQuarter.getOrDefault(q, Map.of());
        List<double[]> shown = new ArrayList<>();
        List<String> shownForces = new ArrayList<>();
        int withheld = 0;
        for (var e : byForce.entrySet()) {
            if (!forces.containsKey(e.getKey()) || !measure.sent(e.getValue())) {
                continue;
            }
            double[] nx = measure.counts(e.getValue());
            if (nx == null) {
                withheld++;
            } else {
                shown.add(nx);
                shownForces.add(e.getKey());
            }
        }
        Double national = pooled(measure, shown, null, shownForces, forces);
        Double peers = peerGroup == null ? null : pooled(measure, shown, peerGroup, shownForces, forces);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            String code = shownForces.get(i);
            long n = Math.round(shown.get(i)[0]);
            long x = Math.round(shown.get(i)[1]);
            boolean own = code.equals(focus);
            boolean peer = peerGroup != null && peerGroup.equals(forces.get(code).peerGroup());
            String label = own || names ? forces.get(code).name() : peer ? "A peer force" : "Another force";
            points.add(new Point(names || own ? code : null, label, own, peer, n, x, measure.value(shown.get(i)),
                    measure.amount() ? Funnel.Position.NO_LIMITS
                            : national == null ? Funnel.Position.WITHIN : Funnel.position(national, n, x)));
        }
        points.sort(java.util.Comparator.comparing((Point p) -> !p.own()).thenComparing(p -> -p.outcomes()));
        List<TrendRow> trend = focused == null ? List.of() : trend(measure, quarters, byQuarter, focused, forces);
        return new Comparison(measure, q, quarters, focus, focused == null ? null : focused.name(), peerGroup,
                national, peers, points, withheld, trend, g);
    }

    /** The cells of one offence group, by quarter, then force, then measure. */
    private static Map<String, Map<String, Map<String, String>>> byQuarter(List<HubRepository.Cell> cells) {
        Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
        for (HubRepository.Cell c : cells) {
            out.computeIfAbsent(c.quarter(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.force(), k -> new LinkedHashMap<>()).put(c.measure(), c.shown());
        }
        return out;
    }

    /** The national (or a peer group's) figure over the forces shown ({@link Compared#pooled}). */
    private static Double pooled(Compared measure, List<double[]> shown, String peerGroup, List<String> codes,
            Map<String, HubRepository.HubForce> forces) {
        List<double[]> in = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            if (peerGroup == null || peerGroup.equals(forces.get(codes.get(i)).peerGroup())) {
                in.add(shown.get(i));
            }
        }
        return measure.pooled(in);
    }

    private static List<TrendRow> trend(Compared measure, List<String> quarters,
            Map<String, Map<String, Map<String, String>>> byQuarter, HubRepository.HubForce focus,
            Map<String, HubRepository.HubForce> forces) {
        List<TrendRow> out = new ArrayList<>();
        for (String q : quarters) {
            Map<String, Map<String, String>> byForce = byQuarter.getOrDefault(q, Map.of());
            List<double[]> shown = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            byForce.forEach((code, cells) -> {
                double[] nx = forces.containsKey(code) ? measure.counts(cells) : null;
                if (nx != null) {
                    shown.add(nx);
                    codes.add(code);
                }
            });
            Map<String, String> own = byForce.get(focus.code());
            double[] mine = own == null ? null : measure.counts(own);
            String forceShown = own == null || !measure.sent(own) ? "No data" : mine == null ? "Withheld (small numbers)"
                    : null;
            out.add(new TrendRow(q, forceShown, mine == null ? null : measure.value(mine),
                    focus.peerGroup() == null ? null : pooled(measure, shown, focus.peerGroup(), codes, forces),
                    pooled(measure, shown, null, codes, forces)));
        }
        return out;
    }

    /** What the hub publishes of one force's latest benchmark, as the bundle it came in (no as-of date). */
    public BenchmarkBundle published(String force) {
        return BenchmarkBundle.published(repository.cellsOf(force));
    }
}
