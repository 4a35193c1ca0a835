package org.soteria.reference;

/** Why a victim withdrew support for the investigation, as the victim gave it. */
public enum WithdrawalReason implements Choice {
    FEAR_OF_SUSPECT("fear_of_suspect", "Fear of the suspect"),
    NOT_BELIEVED("not_believed", "Felt they were not believed"),
    PROCESS_TOO_LONG("process_too_long", "The process was taking too long"),
    LACK_OF_UPDATES("lack_of_updates", "Not kept updated"),
    DIGITAL_REQUEST_CONCERNS("digital_request_concerns", "Concerns about requests for their phone or records"),
    WANTS_TO_MOVE_ON("wants_to_move_on", "Wants to move on"),
    HEALTH("health", "Their health"),
    PRESSURE_FROM_OTHERS("pressure_from_others", "Pressure from others"),
    DID_NOT_MAKE_REPORT("did_not_make_report", "Did not make the report (a third party did)"),
    OTHER("other", "Another reason"),
    NOT_RECORDED("not_recorded", "Reason not given");

    private final String code;
    private final String label;

    WithdrawalReason(String code, String label) {
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

    /** The label of a stored reason; an empty reason was not recorded. */
    public static String labelOf(String code) {
        return Coded.parse(WithdrawalReason.class, code).orElse(NOT_RECORDED).label();
    }
}
