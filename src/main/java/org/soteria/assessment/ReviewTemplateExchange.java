package org.soteria.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Invalid;
import org.soteria.reference.Coded;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file review's templates between the national hub and forces (issue 28, ADR 43 revised), as frameworks
 * travel (ADR 37): the hub offers its published versions whole, in both languages, in the frameworks file; a force sees
 * each version it does not have, with what changed since the version it has, and its Soteria lead accepts it, which
 * publishes it in the force as a national version. The force's own items are never in the file and never touched.
 */
@Service
public class ReviewTemplateExchange {

    private final ReviewTemplateRepository repository;
    private final AuditService audit;

    ReviewTemplateExchange(ReviewTemplateRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** An item of a template's version, in its place. */
    public record Item(String code, int pillar, String scale, boolean mayNotApply, String text, String textCy,
            String guidance, String guidanceCy) {
    }

    /** A template's published version, whole. */
    public record Template(String name, String nameCy, int version, List<Item> items) {

        /** Why a received version cannot be taken, each naming the template and item; empty when it can. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (name == null || name.isBlank() || name.length() > 200 || longer(nameCy, 200) || version < 1) {
                out.add("a review template needs a name (up to 200 characters) and a version of 1 or more");
                return out;
            }
            String at = "review template " + name + ", version " + version;
            if (items == null || items.isEmpty() || items.size() > 200) {
                out.add(at + ": 1 to 200 items are needed");
                return out;
            }
            Set<String> codes = new HashSet<>();
            boolean rated = false;
            for (Item i : items) {
                if (i == null || i.code() == null || !i.code().matches("[a-z][a-z_]{2,39}")
                        || i.code().startsWith(ReviewTemplates.FORCE_PREFIX) || i.code().equals("learning")
                        || i.code().equals(Answers.MISSED) || !codes.add(i.code())) {
                    out.add(at + ": an item's short name must be 3 to 40 lower-case letters and _, once each, "
                            + "not starting " + ReviewTemplates.FORCE_PREFIX);
                    continue;
                }
                Optional<ReviewItem.Scale> scale = Coded.parse(ReviewItem.Scale.class, i.scale());
                if (i.pillar() < 1 || i.pillar() > 6 || scale.isEmpty()
                        || scale.get() == ReviewItem.Scale.FREE_TEXT && i.mayNotApply()) {
                    out.add(at + ", item " + i.code() + ": a pillar of 1 to 6 and a scale (ordinal, yes_no_partly, "
                            + "free_text; free text always applies) are needed");
                } else if (i.text() == null || i.text().isBlank() || i.text().length() > ReviewTemplates.TEXT_LIMIT
                        || longer(i.textCy(), ReviewTemplates.TEXT_LIMIT)
                        || longer(i.guidance(), ReviewTemplates.GUIDANCE_LIMIT)
                        || longer(i.guidanceCy(), ReviewTemplates.GUIDANCE_LIMIT)) {
                    out.add(at + ", item " + i.code() + ": words missing or too long");
                } else {
                    rated |= scale.get() != ReviewItem.Scale.FREE_TEXT;
                }
            }
            if (out.isEmpty() && !rated) {
                out.add(at + ": at least one item must be rated");
            }
            return out;
        }

        private static boolean longer(String s, int max) {
            return s != null && s.length() > max;
        }
    }

    /** Every published version of this Soteria's templates, whole: what the hub offers forces. */
    public List<Template> published() {
        List<Template> out = new ArrayList<>();
        for (ReviewTemplateRepository.Template t : repository.published()) {
            out.add(whole(t));
        }
        out.sort(Comparator.comparing(Template::name).thenComparingInt(Template::version));
        return out;
    }

    private Template whole(ReviewTemplateRepository.Template t) {
        List<Item> items = repository.items(t.id()).stream().map(i -> new Item(i.code(), i.pillar(), i.scale().code(),
                i.mayNotApply(), i.text().english(), i.text().welsh(), i.guidance().english(), i.guidance().welsh()))
                .toList();
        return new Template(t.name(), t.nameCy(), t.version(), items);
    }

    /**
     * A national version the force does not have: the version it has of the same template (null: none), what changed
     * since, and why it cannot be accepted yet (a message code; null when it can).
     */
    public record Offer(Template template, Integer current, List<FrameworkExchange.Change> changes, String blocked) {
    }

    /** The versions offered that this force does not have as national ones, newest first within each template. */
    public List<Offer> offers(List<Template> offered) {
        List<ReviewTemplateRepository.Template> mine = repository.templates();
        List<Offer> out = new ArrayList<>();
        for (Template t : offered) {
            Optional<ReviewTemplateRepository.Template> same = mine.stream().filter(m -> m.name().equals(t.name())
                    && m.version() == t.version()).findFirst();
            if (same.isPresent() && !same.get().draft() && same.get().national()) {
                continue;
            }
            Optional<ReviewTemplateRepository.Template> latest = mine.stream().filter(m -> m.name().equals(t.name())
                    && !m.draft()).max(Comparator.comparingInt(ReviewTemplateRepository.Template::version));
            List<FrameworkExchange.Change> changes = latest.map(l -> changes(whole(l), t)).orElse(List.of());
            String blocked = same.isPresent() ? same.get().draft() ? "{reviewTemplateOffer.draftInTheWay}"
                    : "{reviewTemplateOffer.numberTakenHere}"
                    : latest.isPresent() && latest.get().version() > t.version() ? "{reviewTemplateOffer.older}" : null;
            out.add(new Offer(t, latest.map(ReviewTemplateRepository.Template::version).orElse(null), changes,
                    blocked));
        }
        out.sort(Comparator.comparing((Offer o) -> o.template().name()).thenComparing(o -> -o.template().version()));
        return out;
    }

    /** What changed from {@code from} to {@code to}, item by item (by short name), and the template's Welsh name. */
    static List<FrameworkExchange.Change> changes(Template from, Template to) {
        List<FrameworkExchange.Change> out = new ArrayList<>();
        if (!Objects.equals(blank(from.nameCy()), blank(to.nameCy()))) {
            out.add(new FrameworkExchange.Change("welsh", "template", from.nameCy(), to.nameCy()));
        }
        Map<String, Item> before = new LinkedHashMap<>();
        from.items().forEach(i -> before.put(i.code(), i));
        for (Item i : to.items()) {
            Item b = before.remove(i.code());
            if (b == null) {
                out.add(new FrameworkExchange.Change("added", "item", null, i.text()));
            } else if (!b.text().equals(i.text()) || !Objects.equals(blank(b.guidance()), blank(i.guidance()))) {
                out.add(new FrameworkExchange.Change("changed", "item", b.text(), i.text()));
            } else if (b.pillar() != i.pillar() || !b.scale().equals(i.scale()) || b.mayNotApply() != i.mayNotApply()) {
                out.add(new FrameworkExchange.Change("answered", "item", b.text(), i.text()));
            } else if (!Objects.equals(blank(b.textCy()), blank(i.textCy()))
                    || !Objects.equals(blank(b.guidanceCy()), blank(i.guidanceCy()))) {
                out.add(new FrameworkExchange.Change("welsh", "item", b.textCy(), i.textCy()));
            }
        }
        before.values().forEach(b -> out.add(new FrameworkExchange.Change("removed", "item", b.text(), null)));
        return out;
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    /** Publishes a national version in this force, on the Soteria lead's word; refused when it cannot be. */
    @Transactional
    public long accept(SoteriaUser user, Template t) {
        if (!user.can(Permission.SHARE_WITH_NETWORK)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        List<String> problems = t.problems();
        if (!problems.isEmpty()) {
            throw new Invalid("template", String.join("; ", problems));
        }
        Offer offer = offers(List.of(t)).stream().findFirst().orElseThrow(() -> new Invalid("template",
                "{reviewTemplateOffer.alreadyHere}"));
        if (offer.blocked() != null) {
            throw new Invalid("template", offer.blocked());
        }
        long id = repository.insertNational(t, user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "review-template",
                String.valueOf(id)).detail("national version accepted: " + t.name() + ", version " + t.version()
                        + ", " + offer.changes().size() + " changes from the version held"));
        return id;
    }
}
