package org.soteria.home;

import java.util.List;
import org.soteria.security.SoteriaUser;

/**
 * A feature's work for one person, for their home page: each feature that gives people things to do declares a
 * source, and the home page asks them all, so that the home page depends on no feature. A source answers only
 * what the user may see (need-to-know as its own pages apply it), counts only, and nothing for a role that does
 * not do that work; a kind with nothing in it may be left out or counted as zero.
 */
public interface WorkSource {

    List<Work> work(SoteriaUser user);
}
