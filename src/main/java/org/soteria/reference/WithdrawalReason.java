package org.soteria.reference;

/** Why a victim withdrew support for the investigation. */
public enum WithdrawalReason implements Coded {
    FEAR_OF_SUSPECT("fear_of_suspect"),
    NOT_BELIEVED("not_believed"),
    PROCESS_TOO_LONG("process_too_long"),
    LACK_OF_UPDATES("lack_of_updates"),
    DIGITAL_REQUEST_CONCERNS("digital_request_concerns"),
    WANTS_TO_MOVE_ON("wants_to_move_on"),
    HEALTH("health"),
    PRESSURE_FROM_OTHERS("pressure_from_others"),
    DID_NOT_MAKE_REPORT("did_not_make_report"),
    OTHER("other"),
    NOT_RECORDED("not_recorded");

    private final String code;

    WithdrawalReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
