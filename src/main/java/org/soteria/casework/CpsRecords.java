package org.soteria.casework;

import java.time.LocalDate;

/** What CPS liaison records, as its pages and the partner feature read them. */
public final class CpsRecords {

    private CpsRecords() {
    }

    public record Submission(long id, long crimeId, String kind, LocalDate submittedOn, String summary, String submittedBy) {
    }

    /** An action of the joint plan: the police's ({@code side} police, an officer or none) or the CPS's. */
    public record Action(long id, long crimeId, String crimeRef, String action, LocalDate dueOn, String ownerCode,
            LocalDate doneOn, String doneBy, Codes.Side side) {

        public boolean overdueOn(LocalDate day) {
            return doneOn == null && dueOn.isBefore(day);
        }

        public boolean cps() {
            return side == Codes.Side.CPS;
        }
    }

    /** A prosecutor's answer to a submission: advice, acceptance, a return for further work, or a decision. */
    public record Review(long id, long submissionId, Codes.Verdict verdict, LocalDate reviewedOn, String note,
            String reviewedBy) {
    }

    /** Pre-charge engagement with the suspect or their representative. */
    public record Engagement(long id, LocalDate engagedOn, Codes.Party party, Codes.Side startedBy, String summary,
            String recordedBy) {
    }
}
