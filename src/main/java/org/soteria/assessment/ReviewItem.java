package org.soteria.assessment;

/**
 * The rated items of a deep-dive case file review, each with the Soteria pillar its findings inform.
 * Ratings are {@link Rating}s; proportionality may be not applicable (no request for the victim's material).
 */
public enum ReviewItem implements org.soteria.reference.Choice {
    SUSPECT_FOCUS("suspect_focus", "Focus on the suspect: their behaviour, history and other allegations",
            "1. Suspect-focused investigation", false),
    TIMELINESS("timeliness", "Timeliness: from report to arrest, referral and outcome",
            "1. Suspect-focused investigation", false),
    VICTIM_ENGAGEMENT("victim_engagement", "Quality of engagement with the victim: kept informed, listened to, "
            + "supported", "3. Procedural justice for victims", false),
    PROPORTIONALITY("proportionality", "Proportionality of requests for digital and third-party material",
            "6. Proportionate digital forensics", true);

    private final String code;
    private final String label;
    private final String pillar;
    private final boolean mayNotApply;

    ReviewItem(String code, String label, String pillar, boolean mayNotApply) {
        this.code = code;
        this.label = label;
        this.pillar = pillar;
        this.mayNotApply = mayNotApply;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public String pillar() {
        return pillar;
    }

    public boolean mayNotApply() {
        return mayNotApply;
    }

    /** A rating on the four-point scale, or not applicable. */
    public enum Rating implements org.soteria.reference.Choice {
        POOR("poor", "Poor", 1), NEEDS_IMPROVEMENT("needs_improvement", "Needs improvement", 2), GOOD("good", "Good", 3),
        EXCELLENT("excellent", "Excellent", 4), NOT_APPLICABLE("not_applicable", "Not applicable", 0);

        private final String code;
        private final String label;
        private final int score;

        Rating(String code, String label, int score) {
            this.code = code;
            this.label = label;
            this.score = score;
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
