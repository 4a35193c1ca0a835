package org.soteria.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Bilingual;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file review's templates as data (issue 26, ADR 43): the national coordinator makes a draft of a template's
 * next version, adds and removes its items and publishes it, after which it never changes; a force lead adds the
 * force's own items, which join every sample the force draws until they are retired. A sample is reviewed on the items
 * of the version it was drawn with, and the force's items of that day ({@link #formFor}).
 */
@Service
public class ReviewTemplates {

    static final int TEXT_LIMIT = 500;
    static final int GUIDANCE_LIMIT = 2000;
    static final String FORCE_PREFIX = "force_";

    private final ReviewTemplateRepository repository;
    private final AuditService audit;

    ReviewTemplates(ReviewTemplateRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    private static void require(SoteriaUser user, Permission p) {
        if (!user.can(p)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
    }

    private void audited(SoteriaUser user, String id, String detail) {
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "review-template", id)
                .detail(detail));
    }

    public List<ReviewTemplateRepository.Template> templates() {
        return repository.templates();
    }

    /** The published versions a sample may be drawn on, newest first. */
    public List<ReviewTemplateRepository.Template> published() {
        return repository.published();
    }

    /** A template's version and its items by pillar (1 to 6, each present, perhaps empty). */
    public record TemplateView(ReviewTemplateRepository.Template template, Map<Integer, List<ReviewItem>> byPillar) {
    }

    /** A version, without its items. */
    Optional<ReviewTemplateRepository.Template> version(long id) {
        return repository.template(id);
    }

    public Optional<TemplateView> template(long id) {
        return repository.template(id).map(t -> new TemplateView(t, byPillar(repository.items(id))));
    }

    /** The force's own items in use, by pillar. */
    public Map<Integer, List<ReviewItem>> forceItems(SoteriaUser user) {
        return byPillar(repository.forceItems(user.forceCode()));
    }

    static Map<Integer, List<ReviewItem>> byPillar(List<ReviewItem> items) {
        Map<Integer, List<ReviewItem>> out = new LinkedHashMap<>();
        for (int p = 1; p <= 6; p++) {
            out.put(p, new ArrayList<>());
        }
        items.forEach(i -> out.get(i.pillar()).add(i));
        return out;
    }

    /**
     * The items a sample of the user's force drawn today on a published template is reviewed on: the template's, then
     * the force's own, in pillar order (each pillar's national items first). Empty when there is no such version.
     */
    List<ReviewItem> formFor(SoteriaUser user, long templateId) {
        Optional<ReviewTemplateRepository.Template> t = repository.template(templateId).filter(x -> !x.draft());
        if (t.isEmpty()) {
            return List.of();
        }
        List<ReviewItem> items = new ArrayList<>(repository.items(templateId));
        items.addAll(repository.forceItems(user.forceCode()));
        items.sort(Comparator.comparingInt(ReviewItem::pillar));
        return items;
    }

    /** The items of a sample, as drawn. */
    List<ReviewItem> ofSample(long sampleId) {
        return repository.sampleItems(sampleId);
    }

    void freeze(long sampleId, List<ReviewItem> items) {
        repository.freeze(sampleId, items);
    }

    /** An item as its author typed it: a short name, a pillar, a scale and words; checked by {@link #item}. */
    public record ItemWords(String code, Integer pillar, String scale, boolean mayNotApply, String text, String textCy,
            String guidance, String guidanceCy) {
    }

    @Transactional
    public long newVersion(SoteriaUser user, long templateId) {
        require(user, Permission.MANAGE_REVIEW_TEMPLATES);
        ReviewTemplateRepository.Template t = repository.template(templateId)
                .orElseThrow(() -> new Invalid("template", "{reviewTemplateError.notFound}"));
        if (repository.hasDraft(t.name())) {
            throw new Invalid("template", "{reviewTemplateError.aDraftExists}");
        }
        long id = repository.copyAsDraft(t, user.getUsername());
        audited(user, String.valueOf(id), "draft made from " + t.name() + ", version " + t.version());
        return id;
    }

    /** The coordinator adds an item to a draft. */
    @Transactional
    public void addItem(SoteriaUser user, long templateId, ItemWords w, Map<String, String> parseErrors) {
        require(user, Permission.MANAGE_REVIEW_TEMPLATES);
        ReviewTemplateRepository.Template t = repository.template(templateId)
                .orElseThrow(() -> new Invalid("template", "{reviewTemplateError.notFound}"));
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (!t.draft()) {
            errors.putIfAbsent("code", "{reviewTemplateError.publishedCannotChange}");
        }
        String code = w.code() == null ? null : w.code().strip().toLowerCase(java.util.Locale.ROOT);
        if (code != null && code.startsWith(FORCE_PREFIX)) {
            errors.putIfAbsent("code", "{reviewTemplateError.forcePrefixIsForForces}");
        }
        ReviewTemplateRepository.NewItem item = item(w, code, errors);
        if (errors.isEmpty() && repository.taken(templateId, null, code)) {
            errors.put("code", "{reviewTemplateError.codeTaken}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.add(templateId, null, item, user.getUsername());
        audited(user, String.valueOf(templateId), "item " + code + " added");
    }

    /** The force lead adds one of the force's own items; its short name is kept with {@value #FORCE_PREFIX} before it. */
    @Transactional
    public String addForceItem(SoteriaUser user, ItemWords w, Map<String, String> parseErrors) {
        require(user, Permission.MANAGE_CASE_REVIEWS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        String typed = w.code() == null ? null : w.code().strip().toLowerCase(java.util.Locale.ROOT);
        String code = typed == null ? null : typed.startsWith(FORCE_PREFIX) ? typed : FORCE_PREFIX + typed;
        ReviewTemplateRepository.NewItem item = item(w, code, errors);
        if (errors.isEmpty() && repository.taken(null, user.forceCode(), code)) {
            errors.put("code", "{reviewTemplateError.codeTaken}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.add(null, user.forceCode(), item, user.getUsername());
        audited(user, user.forceCode(), "force item " + code + " added");
        return code;
    }

    /** One of the force's own items in use, and how many samples' forms hold it (then it can no longer change). */
    public record ForceItem(ReviewItem item, int samples) {
    }

    public Optional<ForceItem> forceItem(SoteriaUser user, long itemId) {
        return repository.forceItem(user.forceCode(), itemId).map(i -> new ForceItem(i, repository.samplesWith(itemId)));
    }

    /**
     * The force lead corrects one of the force's own items (its pillar, scale and words; its short name stays) while no
     * sample's form holds it: a drawn sample's form never changes, so an item in one is retired and added anew instead.
     * Returns the item's short name.
     */
    @Transactional
    public String changeForceItem(SoteriaUser user, long itemId, ItemWords w, Map<String, String> parseErrors) {
        require(user, Permission.MANAGE_CASE_REVIEWS);
        ReviewItem current = repository.forceItem(user.forceCode(), itemId)
                .orElseThrow(() -> new Invalid("item", "{reviewTemplateError.noSuchForceItem}"));
        if (repository.samplesWith(itemId) > 0) {
            throw new Invalid("item", "{reviewTemplateError.inASample}");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        errors.remove("code");
        ReviewTemplateRepository.NewItem item = item(w, current.code(), errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (!repository.change(user.forceCode(), itemId, item)) {
            throw new Invalid("item", "{reviewTemplateError.inASample}");
        }
        audited(user, user.forceCode(), "force item " + current.code() + " changed");
        return current.code();
    }

    /** Checks an item's words, each fault under its field in the form's order; null when there is one. */
    private static ReviewTemplateRepository.NewItem item(ItemWords w, String code, Map<String, String> errors) {
        if (code == null || code.isEmpty()) {
            errors.putIfAbsent("code", "{reviewTemplateError.enterAShortName}");
        } else if (!code.matches("[a-z][a-z_]{2,39}") || code.equals("learning") || code.equals(Answers.MISSED)) {
            errors.putIfAbsent("code", "{reviewTemplateError.shortNameLetters}");
        }
        if (w.pillar() == null || w.pillar() < 1 || w.pillar() > 6) {
            errors.putIfAbsent("pillar", "{reviewTemplateError.choosePillar}");
        }
        ReviewItem.Scale scale = org.soteria.reference.Coded.parse(ReviewItem.Scale.class, w.scale()).orElse(null);
        if (scale == null) {
            errors.putIfAbsent("scale", "{reviewTemplateError.chooseScale}");
        } else if (scale == ReviewItem.Scale.FREE_TEXT && w.mayNotApply()) {
            errors.putIfAbsent("mayNotApply", "{reviewTemplateError.freeTextAlwaysApplies}");
        }
        if (w.text() == null) {
            errors.putIfAbsent("text", "{reviewTemplateError.enterTheItem}");
        } else if (w.text().length() > TEXT_LIMIT) {
            errors.putIfAbsent("text", Fault.tooLong("field.reviewItem", TEXT_LIMIT));
        }
        if (w.textCy() != null && w.textCy().length() > TEXT_LIMIT) {
            errors.putIfAbsent("textCy", Fault.tooLong("field.reviewItemCy", TEXT_LIMIT));
        }
        if (w.guidance() != null && w.guidance().length() > GUIDANCE_LIMIT) {
            errors.putIfAbsent("guidance", Fault.tooLong("field.guidance", GUIDANCE_LIMIT));
        }
        if (w.guidanceCy() != null && w.guidanceCy().length() > GUIDANCE_LIMIT) {
            errors.putIfAbsent("guidanceCy", Fault.tooLong("field.guidanceCy", GUIDANCE_LIMIT));
        }
        return code != null && w.pillar() != null && scale != null && w.text() != null
                ? new ReviewTemplateRepository.NewItem(code, w.pillar(), scale, w.mayNotApply(),
                Bilingual.of(w.text(), w.textCy()), Bilingual.of(w.guidance(), w.guidanceCy())) : null;
    }

    @Transactional
    public void removeItem(SoteriaUser user, long templateId, long itemId) {
        require(user, Permission.MANAGE_REVIEW_TEMPLATES);
        if (!repository.remove(templateId, itemId)) {
            throw new Invalid("item", "{reviewTemplateError.onlyADraftsItems}");
        }
        audited(user, String.valueOf(templateId), "item " + itemId + " removed");
    }

    @Transactional
    public void retireForceItem(SoteriaUser user, long itemId) {
        require(user, Permission.MANAGE_CASE_REVIEWS);
        if (!repository.retire(user.forceCode(), itemId)) {
            throw new Invalid("item", "{reviewTemplateError.noSuchForceItem}");
        }
        audited(user, user.forceCode(), "force item " + itemId + " retired");
    }

    /** Publishes a draft with at least one rated item; it never changes again. */
    @Transactional
    public void publish(SoteriaUser user, long templateId) {
        require(user, Permission.MANAGE_REVIEW_TEMPLATES);
        if (repository.items(templateId).stream().noneMatch(ReviewItem::rated)) {
            throw new Invalid("template", "{reviewTemplateError.needsARatedItem}");
        }
        if (!repository.publish(templateId)) {
            throw new Invalid("template", "{reviewTemplateError.onlyADraftCanBePublished}");
        }
        audited(user, String.valueOf(templateId), "published");
    }
}
