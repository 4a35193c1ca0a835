package org.soteria.reference;

/** Where a victim was referred for support, or that they declined. */
public enum SupportReferralDetail implements Coded {
    ISVA("isva"),
    VICTIM_SUPPORT("victim_support"),
    OTHER("other"),
    DECLINED("declined");

    private final String code;

    SupportReferralDetail(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
