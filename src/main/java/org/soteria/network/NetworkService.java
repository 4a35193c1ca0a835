package org.soteria.network;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.assessment.AssessmentService;
import org.soteria.assessment.ImprovementService;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.InvestigationService;
import org.soteria.linkage.PersonRecord;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.pprl.BloomEncoder;
import org.soteria.reference.OffenceGroup;
import org.soteria.security.SoteriaUser;
import org.soteria.suspect.LinkageService;
import org.soteria.suspect.SuspectService;
import org.soteria.workforce.GuidanceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A force's side of the learning network: its signing key and registration, the benchmark it shares
 * (suppressed here, before it leaves), the encodings of its suspects, and the notices the hub sends back.
 * Every file it signs is numbered and logged; sending encodings is a disclosure in the audit log.
 */
@Service
public class NetworkService {

    /** Quarters in a benchmark: the last eight complete ones. */
    static final int QUARTERS = 8;

    private final NetworkRepository repository;
    private final NetworkKeys keys;
    private final MeasureService measures;
    private final LinkageService linkage;
    private final SuspectService suspects;
    private final InvestigationService investigations;
    private final AssessmentService assessments;
    private final ImprovementService improvements;
    private final GuidanceService guidance;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final org.soteria.disclosure.DisclosurePolicy policy;

    public NetworkService(NetworkRepository repository, NetworkKeys keys, MeasureService measures,
            LinkageService linkage, SuspectService suspects, InvestigationService investigations,
            AssessmentService assessments, ImprovementService improvements, GuidanceService guidance, AuditService audit,
            TransactionTemplate tx, Clock clock, org.soteria.disclosure.DisclosurePolicy policy) {
        this.policy = policy;
        this.guidance = guidance;
        this.investigations = investigations;
        this.assessments = assessments;
        this.improvements = improvements;
        this.repository = repository;
        this.keys = keys;
        this.measures = measures;
        this.linkage = linkage;
        this.suspects = suspects;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the force lead's page shows. */
    public record Status(NetworkKeys.Identity identity, NetworkRepository.Link link,
            List<NetworkRepository.Submission> submissions, long submissionCount) {

        public boolean hasSecret() {
            return link.linkageSecret() != null;
        }
    }

    public Status status(int page, int size) {
        return new Status(keys.existing().orElse(null), repository.link(), repository.submissions((page - 1) * size, size),
                repository.submissionCount());
    }

    /** Saves the hub's address, the force's contact and (when given) the secret agreed with other forces. */
    public void saveSettings(SoteriaUser user, String hubUrl, String contact, String secret) {
        Map<String, String> errors = new LinkedHashMap<>();
        String url = hubUrl == null ? "" : hubUrl.strip();
        try {
            HubClient.checked(url);
        } catch (IllegalArgumentException e) {
            errors.put("hubUrl", e.getMessage());
        }
        if (contact == null || contact.isBlank() || contact.length() > 200) {
            errors.put("contact", "{networkError.enterWhoOtherForcesAnd}");
        }
        String keyId = null;
        String stored = null;
        if (secret != null && !secret.isBlank()) {
            try {
                keyId = new BloomEncoder(secret).keyId();
                stored = keys.encryptSecret(secret.strip());
            } catch (IllegalArgumentException e) {
                errors.put("secret", "{networkError.theSharedLinkageSecretMust}");
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String id = keyId;
        String enc = stored;
        tx.executeWithoutResult(s -> {
            repository.saveSettings(url.replaceAll("/+$", ""), contact.strip(), enc, id, user.getUsername());
            audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "network_link", "1",
                    "hub " + url + (id == null ? "" : ", linkage key " + id));
        });
    }

    /** This force's registration request (the same JSON is sent over HTTPS or uploaded at the hub). */
    public Messages.Registration registration(SoteriaUser user) {
        NetworkRepository.Link link = repository.link();
        if (link.contact() == null) {
            throw new Invalid("hubUrl", "{networkError.saveTheHubsAddressAnd}");
        }
        NetworkKeys.Identity id = keys.identity(user.forceCode());
        return new Messages.Registration(id.sender(), forceName(id.sender()), id.publicKey(), link.contact());
    }

    private String forceName(String code) {
        return investigations.forceName(code);
    }

    /** Asks the hub to register this force; returns the hub's key fingerprint, to check by telephone. */
    public String register(SoteriaUser user) {
        Messages.Registration r = registration(user);
        HubClient hub = new HubClient(repository.link().hubUrl());
        Messages.HubInfo info = hub.info();
        Signing.publicKey(info.publicKey());
        hub.register(r);
        tx.executeWithoutResult(s -> {
            repository.registered(info.publicKey(), "requested");
            audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "network_link", "1",
                    "registration requested at " + repository.link().hubUrl());
        });
        return Signing.fingerprint(info.publicKey());
    }

    /** Records the hub's key by hand (for a force that registers by file), checked by its fingerprint. */
    public void trustHubKey(SoteriaUser user, String publicKey) {
        try {
            Signing.publicKey(publicKey == null ? "" : publicKey);
        } catch (IllegalArgumentException e) {
            throw new Invalid("hubKey", Fault.of("networkError.pasteHubKey", e.getMessage()));
        }
        tx.executeWithoutResult(s -> {
            repository.registered(publicKey.strip(), "requested");
            audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "network_link", "1",
                    "hub key recorded by hand, fingerprint " + Signing.fingerprint(publicKey));
        });
    }

    // ---- the benchmark ----

    /** The quarters a benchmark made today covers: the last {@value #QUARTERS} complete ones. */
    List<YearMonth> quarterStarts() {
        LocalDate today = measures.today();
        YearMonth thisQuarter = YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1);
        List<YearMonth> out = new ArrayList<>();
        for (int i = QUARTERS; i >= 1; i--) {
            out.add(thisQuarter.minusMonths(3L * i));
        }
        return out;
    }

    static String quarterName(YearMonth start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The benchmark as it would leave the force now: counts by quarter and offence group, suppressed, and the
     * timeliness medians where their counts are shown (ADR 38).
     */
    public BenchmarkBundle benchmark() {
        if (!measures.readyForPages()) {
            throw new Invalid("benchmark", "{networkError.theMeasuresAreStillLoading}");
        }
        LocalDate asOf = measures.today();
        List<YearMonth> starts = quarterStarts();
        List<String> quarters = starts.stream().map(NetworkService::quarterName).toList();
        List<String> groups = java.util.Arrays.stream(OffenceGroup.values()).map(OffenceGroup::code).toList();
        Map<String, long[][]> counts = BenchmarkCounts.of(measures::compute, starts, groups, asOf, MeasureFilter.NONE);
        Map<String, Integer[][]> medians = new LinkedHashMap<>();
        for (String m : BenchmarkBundle.MEDIAN_OF.keySet()) {
            medians.put(m, new Integer[quarters.size() + 1][groups.size() + 1]);
        }
        // Each quarter (then the whole period) by each offence group (then all groups): medians are computed for the
        // totals too, never added up.
        for (int q = 0; q <= starts.size(); q++) {
            LocalDate from = starts.get(q < starts.size() ? q : 0).atDay(1);
            LocalDate to = starts.get(q < starts.size() ? q : starts.size() - 1).plusMonths(2).atEndOfMonth();
            for (int g = 0; g <= groups.size(); g++) {
                Map<String, List<String>> filter = g < groups.size()
                        ? Map.of("offence_group", List.of(groups.get(g))) : Map.of();
                Measures ms = measures.compute(new MeasureQuery(from, to, asOf, MeasureFilter.of(filter)));
                medians.get(BenchmarkBundle.DAYS_TO_CHARGE)[q][g] = ms.daysToCharge().median();
                medians.get(BenchmarkBundle.DAYS_TO_OUTCOME)[q][g] = ms.daysToOutcome().median();
            }
        }
        List<BenchmarkBundle.ForceQuarter> force = new ArrayList<>();
        for (YearMonth start : starts) {
            force.add(forceQuarter(start, asOf));
        }
        return BenchmarkBundle.of(asOf.toString(), quarters, groups, counts, medians, force, earlierReleases(),
                policy.minimum());
    }

    /**
     * The force as a whole in one quarter: victims' feedback as the force publishes it (whole ended months, ADR 24);
     * officers, accreditation and caseloads as they stood on the quarter's last day.
     */
    private BenchmarkBundle.ForceQuarter forceQuarter(YearMonth start, LocalDate asOf) {
        LocalDate from = start.atDay(1);
        LocalDate end = start.plusMonths(2).atEndOfMonth();
        Measures.Feedback f = measures.compute(new MeasureQuery(from, end, asOf, MeasureFilter.NONE)).victimFeedback();
        Measures atEnd = measures.compute(new MeasureQuery(from, end, end.isAfter(asOf) ? asOf : end,
                MeasureFilter.NONE));
        List<Double> dimensions = new ArrayList<>();
        for (Double d : java.util.Arrays.asList(f.dignity(), f.fairness(), f.voice(), f.safety(), f.trust())) {
            if (d != null) {
                dimensions.add(d);
            }
        }
        boolean published = f.notPublished() == null && dimensions.size() == 5;
        Measures.Caseload caseload = atEnd.openCaseload();
        return new BenchmarkBundle.ForceQuarter(published ? f.responses() : 0,
                published ? dimensions.stream().mapToDouble(Double::doubleValue).average().orElseThrow() : null,
                atEnd.accreditedShare().denominator(), atEnd.accreditedShare().numerator(),
                caseload == null ? 0 : caseload.officers(), caseload == null ? null : caseload.median());
    }

    /** The benchmark releases this force signed before (ADR 24: the next is suppressed together with them). */
    List<BenchmarkBundle> earlierReleases() {
        List<BenchmarkBundle> out = new ArrayList<>();
        for (String text : repository.benchmarkReleases()) {
            out.add(Envelope.open(text).payload(BenchmarkBundle.class));
        }
        return out;
    }

    /** A signed file, ready to send or download, and the submission it was logged as. */
    public record Signed(long submission, String kind, long sequence, String text) {
    }

    private Signed sign(SoteriaUser user, String kind, Object payload, String via, String detail) {
        NetworkRepository.Link link = repository.link();
        if (link.hubUrl() == null) {
            throw new Invalid("hubUrl", "{networkError.saveTheHubsAddressAnd}");
        }
        NetworkKeys.Identity id = keys.identity(user.forceCode());
        return tx.execute(s -> {
            long sequence = repository.nextSequence();
            String text = Envelope.seal(kind, id.sender(), sequence, clock.instant(), payload, id.privateKey());
            String envelopeId = Envelope.open(text).body().id();
            long submission = repository.submission(kind, sequence, envelopeId, via,
                    "https".equals(via) ? "sending" : "downloaded", detail, user.getUsername());
            if (Envelope.BENCHMARK.equals(kind)) {
                repository.keepEnvelope(submission, text);
            }
            return new Signed(submission, kind, sequence, text);
        });
    }

    public Signed benchmarkFile(SoteriaUser user, String via) {
        BenchmarkBundle b = benchmark();
        Signed signed = sign(user, Envelope.BENCHMARK, b, via, Fault.of("netDetail.quarters",
                b.quarters().get(0), b.quarters().get(b.quarters().size() - 1)));
        audit.record(user.getUsername(), user.role().name(), AuditAction.EXPORT, "network_benchmark",
                Long.toString(signed.sequence()), "suppressed aggregate counts, " + via);
        return signed;
    }

    /** The force's signed-off self-assessments and its plan's progress by pillar, as they would leave it now. */
    public ProgressBundle progress(String force) {
        List<ProgressBundle.Cycle> cycles = new ArrayList<>();
        for (AssessmentService.CycleMaturity c : assessments.signedOff(force)) {
            cycles.add(new ProgressBundle.Cycle(c.number(), c.title(), c.signedOffOn().toString(), c.framework(),
                    c.frameworkVersion(), c.sections().stream().map(s -> new ProgressBundle.Section(s.code(),
                            s.position(), s.name().english(), s.name().welsh().isBlank() ? null : s.name().welsh(), s.level(), s.answered(), s.questions()))
                            .toList()));
        }
        List<ProgressBundle.Plan> plan = improvements.progress(force).stream().map(p -> new ProgressBundle.Plan(
                p.pillar(), p.actions(), p.done(), p.overdue(), p.onTrack(), p.atRisk())).toList();
        return new ProgressBundle(improvements.today().toString(), cycles, plan);
    }

    public Signed progressFile(SoteriaUser user, String via) {
        ProgressBundle p = progress(user.forceCode());
        Signed signed = sign(user, Envelope.PROGRESS, p, via, Fault.of("netDetail.progress", Fault.count(
                p.cycles().size())));
        audit.record(user.getUsername(), user.role().name(), AuditAction.EXPORT, "network_progress",
                Long.toString(signed.sequence()), p.cycles().size() + " signed-off self-assessments and the improvement "
                        + "plan's progress by pillar, " + via);
        return signed;
    }

    /** The guidance documents marked "share with the network", each at its current version. */
    public List<GuidanceService.Document> sharedGuidance() {
        return guidance.library().values().stream().flatMap(List::stream)
                .filter(GuidanceService.Document::shareWithNetwork).toList();
    }

    /** The shared guidance as it leaves for the hub's practice library; every file lists all of it. */
    public Signed guidanceFile(SoteriaUser user, String via) {
        NetworkRepository.Link link = repository.link();
        if (link.contact() == null) {
            throw new Invalid("hubUrl", "{networkError.saveTheHubsAddressAnd}");
        }
        List<Messages.Guidance.Item> items = new ArrayList<>();
        for (GuidanceService.Document d : sharedGuidance()) {
            GuidanceService.Version v = d.current();
            items.add(new Messages.Guidance.Item(d.id(), d.pillar().ordinal() + 1, d.title(), v.version(), v.url(),
                    v.summary(), v.publishedOn().toString()));
        }
        Signed signed = sign(user, Envelope.GUIDANCE, new Messages.Guidance(link.contact(), items), via,
                Fault.of("netDetail.guidance", Fault.count(items.size())));
        audit.record(user.getUsername(), user.role().name(), AuditAction.EXPORT, "network_guidance",
                Long.toString(signed.sequence()), items.size() + " guidance documents shared with the network, " + via);
        return signed;
    }

    /** The encodings of every suspect record; a disclosure of encoded personal data, logged with each person. */
    public Signed encodingsFile(SoteriaUser user, String via) {
        NetworkRepository.Link link = repository.link();
        if (link.linkageSecret() == null) {
            throw new Invalid("secret", "{networkError.enterTheLinkageSecretAgreed}");
        }
        BloomEncoder encoder = new BloomEncoder(keys.decryptSecret(link.linkageSecret()));
        List<PersonRecord> people = linkage.suspectRecords();
        Map<String, String> tokens = tx.execute(s -> repository.tokens(people.stream().map(PersonRecord::personId)
                .toList(), this::freshToken));
        List<Messages.Encodings.Item> items = new ArrayList<>();
        for (PersonRecord p : people) {
            items.add(new Messages.Encodings.Item(tokens.get(p.personId()), BloomEncoder.toBase64(encoder.encode(p))));
        }
        Messages.Encodings payload = new Messages.Encodings(BloomEncoder.SCHEME, encoder.keyId(), BloomEncoder.BITS, BloomEncoder.FIELDS,
                items);
        Signed signed = sign(user, Envelope.ENCODINGS, payload, via, Fault.of("netDetail.encodedSuspects", Fault.count(items.size())));
        audit.record(AuditEntry.of(user.getUsername(), user.role().name(), AuditAction.EXPORT, "network_encodings",
                Long.toString(signed.sequence())).records(people.stream().map(p -> "person:" + p.personId()).toList())
                .detail("keyed Bloom-filter encodings of " + items.size() + " suspect records (no names or dates of "
                        + "birth), " + via));
        return signed;
    }

    private String freshToken() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Sends a signed file to the hub and records what the hub said. */
    public Messages.Answer send(Signed signed) {
        NetworkRepository.Link link = repository.link();
        Messages.Answer answer;
        try {
            String sender = keys.existing().map(NetworkKeys.Identity::sender).orElseThrow(() -> new Invalid("hubUrl",
                    "{networkError.noKeyYet}"));
            answer = new HubClient(link.hubUrl()).deliver(signed.text(), sender);
        } catch (HubClient.Failed e) {
            repository.outcome(signed.submission(), "not sent", e.getMessage());
            throw e;
        }
        repository.outcome(signed.submission(), answer.accepted() ? "accepted" : "refused", answer.detail());
        if (answer.accepted() && answer.notices() != null) {
            takeNotices(answer.notices());
        }
        if (answer.accepted() && !"approved".equals(link.status())) {
            repository.registered(link.hubPublicKey(), "approved");
        }
        return answer;
    }

    /**
     * Sends the audit log's latest signed checkpoint to the hub, which keeps the latest it has for the force and
     * answers with it. The force then checks its own log against that copy: a copy of a record the log no longer
     * holds (or holds with another hash) means the log was cut or rewritten, with its checkpoints and its witness
     * file; that is logged as such and reported. Returns what the hub holds.
     */
    public CheckpointWitnessed sendCheckpoint(SoteriaUser user) {
        AuditService.SignedCheckpoint latest = audit.latestCheckpoint().orElseThrow(() -> new Invalid("checkpoint",
                "{networkError.noCheckpointYet}"));
        Messages.Checkpoint payload = new Messages.Checkpoint(latest.seq(), latest.hash(), latest.at().toString(),
                latest.keyId(), latest.signature());
        Messages.Answer answer = send(sign(user, Envelope.CHECKPOINT, payload, "https", Fault.of("netDetail.checkpoint",
                latest.seq())));
        if (!answer.accepted() || answer.witnessed() == null) {
            throw new Invalid("checkpoint", Fault.of("networkError.hubRefusedCheckpoint", answer.detail()));
        }
        Messages.Checkpoint held = answer.witnessed();
        boolean intact = audit.holds(held.seq(), held.hash());
        audit.record(AuditEntry.of(user.getUsername(), user.role().name(), AuditAction.EXPORT, "audit_checkpoint",
                Long.toString(latest.seq())).detail(intact ? "sent to the hub, which holds the checkpoint of record "
                        + held.seq() + ", found in this log" : "ALERT: the hub holds a checkpoint of record " + held.seq()
                        + " that this log no longer holds as signed: the audit log was cut or rewritten"));
        return new CheckpointWitnessed(latest.seq(), held.seq(), intact);
    }

    /** What sending a checkpoint found: the record sent, the record the hub holds, and whether this log agrees. */
    public record CheckpointWitnessed(long sent, long held, boolean logAgrees) {
    }

    public Messages.Answer fetchNotices(SoteriaUser user) {
        return send(sign(user, Envelope.NOTICES_REQUEST, Map.of(), "https", "{netDetail.noticesRequested}"));
    }

    /** Takes a notices file (downloaded from the hub), refusing one the hub did not sign or meant for another force. */
    public int importNotices(SoteriaUser user, String text) {
        int n;
        try {
            n = takeNotices(text);
        } catch (Envelope.Rejected e) {
            throw new Invalid("file", e.getMessage());
        }
        audit.record(user.getUsername(), user.role().name(), AuditAction.IMPORT, "network_notices", "file",
                n + " notices");
        return n;
    }

    private int takeNotices(String text) {
        NetworkRepository.Link link = repository.link();
        if (link.hubPublicKey() == null) {
            throw new Envelope.Rejected(Envelope.Reason.UNKNOWN_SENDER, "The hub's key is not recorded: register first");
        }
        Envelope.Opened o = Envelope.open(text);
        if (!Envelope.NOTICES.equals(o.body().type())) {
            throw new Envelope.Rejected(Envelope.Reason.MALFORMED, "This is a " + o.body().type()
                    + " file, not the hub's notices");
        }
        o.verifiedWith(Signing.publicKey(link.hubPublicKey()));
        Messages.Notices notices = o.payload(Messages.Notices.class);
        String me = keys.existing().map(NetworkKeys.Identity::sender).orElse(null);
        if (!notices.force().equals(me)) {
            throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "These notices are for " + notices.force()
                    + ", not this force");
        }
        long sequence = o.body().sequence();
        tx.executeWithoutResult(s -> {
            long last = repository.lastNoticesSequence();
            if (sequence < last) {
                throw new Envelope.Rejected(Envelope.Reason.REPLAYED, "These notices were made before the ones "
                        + "already taken (" + o.body().created() + "): download the newest from the hub");
            }
            repository.replaceNotices(notices.notices(), sequence);
        });
        return notices.notices().size();
    }

    /** A notice with this force's own person, for the analyst to follow up through normal channels. */
    public record NoticeRow(NetworkRepository.Notice notice, String name, String dateOfBirth, String personId) {
    }

    /** One page of notices, and how many there are. */
    public record Notices(List<NoticeRow> rows, long total) {
    }

    /** A page of notices, with the people they are about; reading them is logged with each person shown. */
    public Notices notices(SoteriaUser user, int page, int size) {
        List<NoticeRow> out = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (NetworkRepository.Notice n : repository.notices((page - 1) * size, size)) {
            var person = n.personId() == null ? java.util.Optional.<SuspectService.PersonSummary>empty()
                    : suspects.summary(Long.parseLong(n.personId()));
            out.add(new NoticeRow(n, person.map(p -> p.name()).orElse("(record no longer held)"),
                    person.map(p -> p.dateOfBirth()).orElse(null), person.map(p -> p.personId()).orElse(null)));
            person.ifPresent(p -> refs.add("person:" + p.ref()));
        }
        if (!out.isEmpty()) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().name(), AuditAction.VIEW, "network_notices",
                    "page " + page).records(refs).detail(out.size() + " cross-force notices"));
        }
        return new Notices(out, repository.noticeCount());
    }
}
