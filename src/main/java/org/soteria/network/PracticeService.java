package org.soteria.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.codec.digest.DigestUtils;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.EvidenceFiles;
import org.soteria.platform.Fault;
import org.soteria.platform.HubMode;
import org.soteria.platform.Invalid;
import org.soteria.reference.Pillar;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.workforce.NationalGuidance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice library (hub mode): forces publish promising practice, which the national coordinator checks
 * before others see it; everyone in the network searches it, comments and marks "we are trying this".
 */
@Service
@HubMode
public class PracticeService {

    /** Shown as the publisher of practice from someone with no force: the national team. */
    static final String NATIONAL = "NATIONAL";
    /** The most characters of what a practice is, why and its evidence. */
    static final int TEXT_LIMIT = 4000;
    /** The most characters of a comment, or of the coordinator's note when returning or withdrawing practice. */
    static final int COMMENT_LIMIT = 2000;

    private final PracticeRepository repository;
    private final AuditService audit;

    PracticeService(PracticeRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    static String forceOf(SoteriaUser user) {
        return user.can(Permission.MODERATE_NETWORK) || user.forceCode() == null ? NATIONAL : user.forceCode();
    }

    /** One page of a search. */
    public record Results(List<PracticeRepository.Practice> items, long total) {
    }

    public Results search(SoteriaUser user, String words, Integer pillar, int page, int size) {
        String w = words == null || words.isBlank() ? null : words.strip();
        String force = forceOf(user);
        return new Results(repository.search(w, pillar, force, (page - 1) * size, size), repository.count(w, pillar, force));
    }

    /** The fields of a practice form, as typed. */
    public record Form(String title, String what, String why, String evidence, String contact, String pillar) {
    }

    @Transactional
    public long submit(SoteriaUser user, Form f) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "title", f.title(), 200, "{networkError.enterATitle}");
        required(errors, "what", f.what(), TEXT_LIMIT, "{networkError.sayWhatThePracticeIs}");
        required(errors, "why", f.why(), TEXT_LIMIT, "{networkError.sayWhyTheForceStarted}");
        required(errors, "evidence", f.evidence(), TEXT_LIMIT, "{networkError.giveTheEvidenceThatIt}");
        required(errors, "contact", f.contact(), 200, "{networkError.enterWhoToContactAbout}");
        int pillar = 0;
        try {
            pillar = Integer.parseInt(f.pillar() == null ? "" : f.pillar());
        } catch (NumberFormatException e) {
            pillar = 0;
        }
        if (pillar < 1 || pillar > Pillar.values().length) {
            errors.put("pillar", "{networkError.chooseThePillarThePractice}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = repository.add(forceOf(user), f.title().strip(), f.what().strip(), f.why().strip(),
                f.evidence().strip(), f.contact().strip(), pillar, user.getUsername());
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice", Long.toString(id),
                "practice submitted for moderation");
        return id;
    }

    /**
     * Takes a force's shared guidance into the practice library, each document awaiting moderation as practice does: a
     * new document is added, a new version replaces the words and goes back to moderation, the same version changes
     * nothing, and a document no longer shared is withdrawn. Returns what the receipt says.
     */
    String takeGuidance(String force, Messages.Guidance g) {
        Map<Long, long[]> held = repository.fromGuidance(force);
        int added = 0;
        int changed = 0;
        java.util.Set<Long> shared = new java.util.HashSet<>();
        for (Messages.Guidance.Item i : g.items()) {
            shared.add(i.document());
            String why = "Guidance shared from " + force + "'s library: version " + i.version() + ", published "
                    + i.publishedOn() + ".";
            long[] h = held.get(i.document());
            if (h == null) {
                long id = repository.addGuidance(force, i, why, g.contact().strip());
                audit.record(force, "FORCE", AuditAction.CHANGE, "hub_practice", Long.toString(id),
                        "guidance shared by the force, awaiting moderation");
                added++;
            } else if (h[1] != i.version() || h[2] == 1) {
                repository.updateGuidance(h[0], i, why, g.contact().strip());
                audit.record(force, "FORCE", AuditAction.CHANGE, "hub_practice", Long.toString(h[0]),
                        "guidance version " + i.version() + " shared by the force, awaiting moderation");
                changed++;
            }
        }
        int withdrawn = 0;
        for (var e : held.entrySet()) {
            if (!shared.contains(e.getKey()) && e.getValue()[2] == 0) {
                repository.withdrawGuidance(e.getValue()[0]);
                withdrawn++;
            }
        }
        return g.items().size() + " guidance documents received: " + added + " new and " + changed
                + " changed await moderation, " + withdrawn + " no longer shared withdrawn";
    }

    /**
     * The published library as forces receive it (ADR 40): its latest version, made anew when what is published
     * changed since (moderating is the national team's act of publishing); empty before anything is published.
     */
    @Transactional
    public java.util.Optional<NationalGuidance.Release> nationalRelease() {
        repository.lockReleases();
        List<NationalGuidance.Item> items = repository.publishedItems();
        java.util.Optional<NationalGuidance.Release> latest = repository.latestRelease();
        if (latest.map(r -> r.items().equals(items)).orElse(items.isEmpty())) {
            return latest;
        }
        int version = latest.map(NationalGuidance.Release::version).orElse(0) + 1;
        repository.saveRelease(version, items);
        audit.record(NATIONAL, "HUB", AuditAction.CHANGE, "hub_guidance_release", Integer.toString(version),
                "practice library published to forces as version " + version + ", " + items.size() + " practices");
        return repository.latestRelease();
    }

    /** Whether forces have anything to take: practice published now, or a version published before. */
    public boolean nationalGuidanceExists() {
        return repository.anythingToRelease();
    }

    private static void required(Map<String, String> errors, String field, String value, int max, String message) {
        if (value == null || value.isBlank()) {
            errors.put(field, message);
        } else if (value.length() > max) {
            errors.put(field, Fault.of("networkError.keepItTo", max));
        }
    }

    /** A practice page: the practice and what the viewer may do with it. */
    public record Page(PracticeRepository.Practice practice, List<PracticeRepository.Comment> comments,
            List<PracticeRepository.Attachment> attachments, List<String> tryingForces, boolean ownForce,
            boolean moderator, boolean trying) {
    }

    /** The practice, if the viewer may see it: published, or their own force's, or they moderate. */
    public Page page(SoteriaUser user, long id) {
        PracticeRepository.Practice p = visible(user, id);
        List<String> trying = repository.tryingForces(id);
        String force = forceOf(user);
        return new Page(p, repository.comments(id), repository.attachments(id), trying, p.forceCode().equals(force),
                user.can(Permission.MODERATE_NETWORK), trying.contains(force));
    }

    private PracticeRepository.Practice visible(SoteriaUser user, long id) {
        PracticeRepository.Practice p = repository.find(id).orElseThrow(() -> new NoSuchElementException("No practice " + id));
        if (!p.published() && !user.can(Permission.MODERATE_NETWORK) && !p.forceCode().equals(forceOf(user))) {
            throw new NoSuchElementException("No practice " + id);
        }
        return p;
    }

    @Transactional
    public void comment(SoteriaUser user, long id, String body) {
        PracticeRepository.Practice p = visible(user, id);
        if (!p.published()) {
            throw new Invalid("body", "{networkError.commentsOpenOnceThePractice}");
        }
        if (body == null || body.isBlank()) {
            throw new Invalid("body", "{assessmentError.enterYourComment}");
        }
        if (body.length() > COMMENT_LIMIT) {
            throw new Invalid("body", "{networkError.keepTheCommentTo2}");
        }
        repository.comment(id, forceOf(user), user.displayName(), body.strip());
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice", Long.toString(id),
                "comment added");
    }

    @Transactional
    public void trying(SoteriaUser user, long id, boolean trying) {
        PracticeRepository.Practice p = visible(user, id);
        String force = forceOf(user);
        if (!p.published() || NATIONAL.equals(force) || p.forceCode().equals(force)) {
            throw new Invalid("trying", "{networkError.onlyAnotherForceCanMark}");
        }
        repository.markTrying(id, force, user.getUsername(), trying);
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice", Long.toString(id),
                (trying ? "marked" : "unmarked") + " as tried by " + force);
    }

    @Transactional
    public void attach(SoteriaUser user, long id, String originalName, byte[] content) {
        PracticeRepository.Practice p = visible(user, id);
        if (!p.forceCode().equals(forceOf(user)) && !user.can(Permission.MODERATE_NETWORK)) {
            throw new Invalid("file", "{networkError.onlyTheForceThatShared}");
        }
        String name = EvidenceFiles.safeName(originalName);
        String problem = EvidenceFiles.problem(name, content);
        if (problem != null) {
            throw new Invalid("file", problem);
        }
        if (repository.attachments(id).size() >= 10) {
            throw new Invalid("file", "{networkError.aPracticeCanHaveUp}");
        }
        repository.attach(id, name, EvidenceFiles.TYPES.get(EvidenceFiles.extension(name)), content, sha256(content),
                user.getUsername());
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice", Long.toString(id),
                "file attached: " + name);
    }

    public PracticeRepository.File file(SoteriaUser user, long id, long fileId) {
        visible(user, id);
        PracticeRepository.File f = repository.file(id, fileId).orElseThrow(() -> new NoSuchElementException("No file"));
        audit.record(user.getUsername(), user.role().name(), AuditAction.EXPORT, "hub_practice_file",
                id + "/" + fileId, f.fileName());
        return f;
    }

    private static String sha256(byte[] content) {
        return DigestUtils.sha256Hex(content);
    }

    /** The force that shared the practice withdraws it. */
    @Transactional
    public void withdraw(SoteriaUser user, long id) {
        PracticeRepository.Practice p = visible(user, id);
        if (!p.forceCode().equals(forceOf(user))) {
            throw new Invalid("withdraw", "{networkError.onlyTheForceThatShared2}");
        }
        repository.moderate(id, "withdrawn", "Withdrawn by the force", user.getUsername());
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice", Long.toString(id),
                "withdrawn by the force");
    }

    public List<PracticeRepository.Practice> awaiting() {
        return repository.awaiting();
    }

    /** The national coordinator publishes practice, or returns it to the force with a note saying why. */
    @Transactional
    public void moderate(SoteriaUser user, long id, String decision, String note) {
        PracticeRepository.Practice p = repository.find(id).orElseThrow(() -> new NoSuchElementException("No practice"));
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > COMMENT_LIMIT) {
            throw new Invalid("note", Fault.of("networkError.keepItTo", COMMENT_LIMIT));
        }
        switch (decision == null ? "" : decision) {
            case "publish" -> repository.moderate(id, "published", n, user.getUsername());
            case "return" -> {
                if (n == null) {
                    throw new Invalid("note", "{networkError.sayWhyThePracticeIs}");
                }
                repository.moderate(id, "returned", n, user.getUsername());
            }
            case "withdraw" -> {
                if (n == null) {
                    throw new Invalid("note", "{networkError.sayWhyThePracticeIs2}");
                }
                repository.moderate(id, "withdrawn", n, user.getUsername());
            }
            default -> throw new Invalid("decision", "{networkError.choosePublishReturnOrWithdraw}");
        }
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice", Long.toString(p.id()),
                decision + (n == null ? "" : ": " + n));
    }

    @Transactional
    public void hideComment(SoteriaUser user, long id, long comment, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Invalid("reason", "{networkError.sayWhyTheCommentIs}");
        }
        if (!repository.hideComment(id, comment, user.getUsername(), reason.strip())) {
            throw new NoSuchElementException("No comment " + comment);
        }
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "hub_practice_comment",
                id + "/" + comment, "hidden: " + reason.strip());
    }
}
