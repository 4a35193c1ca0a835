package org.soteria.audit;

/**
 * The result of checking the whole audit log: how many records and checkpoints were checked and, when
 * the chain is broken, the first broken record and what is wrong with it.
 */
public record AuditVerification(long recordsChecked, int checkpointsChecked, Long firstBrokenSeq, String problem) {

    public boolean intact() {
        return problem == null;
    }
}
