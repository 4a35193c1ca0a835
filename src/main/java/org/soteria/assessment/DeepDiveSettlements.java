package org.soteria.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a deep-dive sample's reviewers rated a crime differently, and the force lead's settling of the rating the
 * findings use (issue 26, ADR 28). Reviews themselves never change.
 */
@Service
public class DeepDiveSettlements {

    private final DeepDiveRepository repository;
    private final ReviewTemplates templates;
    private final AuditService audit;

    DeepDiveSettlements(DeepDiveRepository repository, ReviewTemplates templates, AuditService audit) {
        this.repository = repository;
        this.templates = templates;
        this.audit = audit;
    }

    /** One item of one sample crime on which its reviewers differ: each reviewer's rating, and the settled one. */
    public record Disagreement(int position, ReviewItem item, Map<String, ReviewItem.Rating> byReviewer,
            ReviewItem.Rating settled) {

        /** The ratings it may be settled on: the item's scale, with not applicable where the item allows it. */
        public List<ReviewItem.Rating> scale() {
            return item.ratings();
        }
    }

    /** A sample's disagreements, by crime position and item, for the force lead to settle. */
    public Optional<List<Disagreement>> disagreements(SoteriaUser user, long sampleId) {
        if (!user.can(Permission.MANAGE_CASE_REVIEWS) || repository.sample(sampleId, user.forceCode()).isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "case-sample",
                String.valueOf(sampleId)).detail("deep-dive disagreements between reviewers (ratings only)"));
        return Optional.of(disagreements(sampleId));
    }

    private List<Disagreement> disagreements(long sampleId) {
        Map<Long, Integer> positions = new java.util.HashMap<>();
        repository.sampleCrimes(sampleId).forEach(c -> positions.put(c.crimeId(), c.position()));
        Map<Long, Map<String, ReviewItem.Rating>> settled = repository.settlements(sampleId);
        List<ReviewItem> items = templates.ofSample(sampleId).stream().filter(ReviewItem::rated).toList();
        List<Disagreement> out = new ArrayList<>();
        for (List<DeepDiveRepository.Review> crime : DeepDiveService.byCrime(repository.reviews(sampleId))) {
            long crimeId = crime.get(0).crimeId();
            for (ReviewItem item : items) {
                Map<String, ReviewItem.Rating> byReviewer = new LinkedHashMap<>();
                crime.forEach(r -> byReviewer.put(r.reviewer(), r.ratings().get(item.code())));
                if (byReviewer.values().stream().distinct().count() > 1) {
                    out.add(new Disagreement(positions.get(crimeId), item, byReviewer,
                            settled.getOrDefault(crimeId, Map.of()).get(item.code())));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Disagreement::position).thenComparing(d -> items.indexOf(d.item())));
        return out;
    }

    /**
     * The force lead settles the rating of an item of a sample crime on which its reviewers differ; the findings
     * then use it. Refused for an item the reviewers agree on, a rating not on the item's scale, or no such crime.
     */
    @Transactional
    public void settle(SoteriaUser user, long sampleId, int position, String itemCode, String ratingCode) {
        if (!user.can(Permission.MANAGE_CASE_REVIEWS) || repository.sample(sampleId, user.forceCode()).isEmpty()) {
            throw new Invalid("sample", "{assessmentError.sampleNotFound}");
        }
        ReviewItem item = templates.ofSample(sampleId).stream().filter(i -> i.rated() && i.code().equals(itemCode))
                .findFirst().orElseThrow(() -> new Invalid("item", "{assessmentError.chooseAnItem}"));
        Disagreement d = disagreements(sampleId).stream()
                .filter(x -> x.position() == position && x.item().equals(item)).findFirst()
                .orElseThrow(() -> new Invalid("item", "{assessmentError.reviewersAgree}"));
        ReviewItem.Rating rating = org.soteria.reference.Coded.parse(ReviewItem.Rating.class, ratingCode)
                .filter(item::allows)
                .orElseThrow(() -> new Invalid("rating-" + position + "-" + item.code(),
                        "{assessmentError.chooseTheSettledRating}"));
        long crimeId = repository.sampleCrimes(sampleId).stream().filter(c -> c.position() == d.position())
                .findFirst().orElseThrow().crimeId();
        repository.settle(sampleId, crimeId, item.code(), rating, user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "case-sample",
                String.valueOf(sampleId)).detail("settled sample crime " + position + ", " + item.code() + ": "
                + rating.code()));
    }
}
