package org.soteria.home;

import java.util.List;
import org.soteria.security.SoteriaUser;

/**
 * The few figures a role steers by, for its home page, from the feature that owns them: none for a role that
 * does not see them, and only figures that could be shown on that feature's own pages (disclosure control as
 * there).
 */
public interface FigureSource {

    List<Figure> figures(SoteriaUser user);
}
