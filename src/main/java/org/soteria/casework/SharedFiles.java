package org.soteria.casework;

import java.util.Optional;
import org.soteria.investigation.CaseDetail;
import org.soteria.security.SoteriaUser;

/**
 * The crimes whose file a partner user's organisation has been given (issue 27, ADR 32): the partner feature
 * answers, from its record of sharing, so that casework need not know how sharing is recorded.
 */
public interface SharedFiles {

    /** A crime whose file is shared with the user's organisation, and the share that allows the look. */
    record SharedFile(CaseDetail crime, String justification) {
    }

    /**
     * The crime when a lasting share of the user's organisation gives them its file; the look is logged (as
     * {@code page}). Empty, and the attempt logged, for a crime not shared, or shared without its file.
     */
    Optional<SharedFile> file(SoteriaUser user, long crimeId, String page);

    /**
     * The name of a CPS unit that a lasting share gives the crime's file, as the officer's connection sees the shares;
     * empty when none does. Its prosecutor then records the charging decisions in Soteria.
     */
    Optional<String> cpsUnitWithFile(long crimeId);
}
