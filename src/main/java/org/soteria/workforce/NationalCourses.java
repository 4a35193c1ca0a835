package org.soteria.workforce;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.soteria.security.SoteriaUser;

/**
 * Where a force gets the national training catalogue from: the learning network's hub (ADR 39). Declared here,
 * provided by the network feature, so that the catalogue does not depend on the network.
 */
public interface NationalCourses {

    /** The hub's catalogue file the force took last, as the version it offers, with when and by whom it was taken. */
    record Offer(CourseCatalogue.Release release, OffsetDateTime takenAt, String takenBy) {
    }

    Optional<Offer> offer();

    /** Takes the hub's newest catalogue file over HTTPS; returns its version. */
    int fetch(SoteriaUser user);

    /** Takes a catalogue file downloaded at the hub and uploaded by hand; returns its version. */
    int upload(SoteriaUser user, String text);
}
