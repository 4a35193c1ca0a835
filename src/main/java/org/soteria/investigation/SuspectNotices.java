package org.soteria.investigation;

import java.util.List;
import org.soteria.security.SoteriaUser;

/**
 * What another feature knows of a crime's suspects that the case page warns about (a repeat suspect, an
 * order in force). The repeat-suspect feature implements it, so that the case record does not depend on
 * that feature (which reads the case record). The page shows each notice through its template.
 */
public interface SuspectNotices {

    /** The notices about the suspects of a crime the user already has open; empty when they may see none. */
    List<?> about(SoteriaUser user, long crimeId);
}
