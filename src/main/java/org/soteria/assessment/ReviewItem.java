package org.soteria.assessment;

import java.util.ArrayList;
import java.util.List;
import org.soteria.platform.Bilingual;
import org.soteria.reference.Pillar;

/**
 * An item of a deep-dive case file review, as data (ADR 43): a national template's (versioned, published by the
 * national coordinator) or a force's own ({@code forceCode} set, its code starting {@code force_}). Each names the
 * pillar its findings inform, the scale it is answered on and guidance for the reviewer; an item on a rating scale
 * may allow "not applicable".
 */
public record ReviewItem(long id, String code, int pillar, Scale scale, boolean mayNotApply, Bilingual text,
        Bilingual guidance, String forceCode) {

    /** The pillar's label, as the findings group by it. */
    public String pillarLabel() {
        return Pillar.label(pillar);
    }

    /** Whether the item is rated (poor to excellent, or yes, partly or no), as against written about. */
    public boolean rated() {
        return scale != Scale.FREE_TEXT;
    }

    /** The ratings a reviewer may give: the scale's, then not applicable where the item allows it. */
    public List<Rating> ratings() {
        List<Rating> out = new ArrayList<>(scale.ratings());
        if (mayNotApply) {
            out.add(Rating.NOT_APPLICABLE);
        }
        return out;
    }

    /** Whether {@code rating} is one a reviewer may give this item. */
    public boolean allows(Rating rating) {
        return rating != null && ratings().contains(rating);
    }

    /** How an item is answered. */
    public enum Scale implements org.soteria.reference.Choice {
        ORDINAL("ordinal", "Poor, needs improvement, good or excellent"),
        YES_NO_PARTLY("yes_no_partly", "Yes, partly or no"),
        FREE_TEXT("free_text", "In the reviewer's own words");

        private final String code;
        private final String label;

        Scale(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

        /** Its ratings in the order the form shows them; none for free text. */
        public List<Rating> ratings() {
            return switch (this) {
                case ORDINAL -> List.of(Rating.POOR, Rating.NEEDS_IMPROVEMENT, Rating.GOOD, Rating.EXCELLENT);
                case YES_NO_PARTLY -> List.of(Rating.YES, Rating.PARTLY, Rating.NO);
                case FREE_TEXT -> List.of();
            };
        }

        /** The score of its most favourable rating (the mean score is out of it); 0 for free text. */
        public int top() {
            return ratings().stream().mapToInt(Rating::score).max().orElse(0);
        }
    }

    /**
     * A rating on one of the scales, with its score (1 the least favourable) and whether it falls short of what good
     * looks like (below good; partly or no); not applicable scores nothing.
     */
    public enum Rating implements org.soteria.reference.Choice {
        POOR("poor", "Poor", 1, true), NEEDS_IMPROVEMENT("needs_improvement", "Needs improvement", 2, true),
        GOOD("good", "Good", 3, false), EXCELLENT("excellent", "Excellent", 4, false),
        NO("no", "No", 1, true), PARTLY("partly", "Partly", 2, true), YES("yes", "Yes", 3, false),
        NOT_APPLICABLE("not_applicable", "Not applicable", 0, false);

        private final String code;
        private final String label;
        private final int score;
        private final boolean shortOfGood;

        Rating(String code, String label, int score, boolean shortOfGood) {
            this.code = code;
            this.label = label;
            this.score = score;
            this.shortOfGood = shortOfGood;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

        public int score() {
            return score;
        }

        public boolean shortOfGood() {
            return shortOfGood;
        }

        static Rating of(String code) {
            for (Rating r : values()) {
                if (r.code.equals(code)) {
                    return r;
                }
            }
            return null;
        }
    }
}
