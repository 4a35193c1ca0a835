package org.soteria.reference;

/** Where a victim was referred for support, or that they declined. */
public enum SupportReferralDetail implements Choice {
    ISVA("isva", "An ISVA (independent sexual violence adviser)"),
    VICTIM_SUPPORT("victim_support", "Victim Support"),
    OTHER("other", "Another support service"),
    DECLINED("declined", "The victim declined a referral");

    private final String code;
    private final String label;

    SupportReferralDetail(String code, String label) {
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
}
