package org.soteria.network;

import java.util.Optional;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.soteria.workforce.CourseCatalogue;
import org.soteria.workforce.NationalCourses;
import org.springframework.stereotype.Service;

/**
 * The national training catalogue between the hub and forces (issue 28, ADR 39): at the hub, its latest published
 * version in a file the hub signs; in a force, that file taken over HTTPS or by upload with the checks every file
 * from the hub gets (the hub's key, the kind, the contents, not older than the one taken before).
 */
@Service
public class NationalCatalogue implements NationalCourses {

    private static final HubFiles.Kind<CourseCatalogue.Release> CATALOGUE = new HubFiles.Kind<>(Envelope.CATALOGUE,
            CourseCatalogue.Release.class, CourseCatalogue.Release::problems, r -> r.courses().size(),
            "the hub's training catalogue", "network_catalogue", "courses of the national catalogue");

    private final CourseCatalogue catalogue;
    private final HubFiles files;

    NationalCatalogue(CourseCatalogue catalogue, HubFiles files) {
        this.catalogue = catalogue;
        this.files = files;
    }

    /** The hub's catalogue file: the latest published version, signed; refused before the first is published. */
    public String signedFile() {
        CourseCatalogue.Release latest = catalogue.latest().orElseThrow(() -> new Invalid("catalogue",
                "{catalogueError.noneYet}"));
        return files.sign(Envelope.CATALOGUE, latest);
    }

    /** Whether the hub has published a version (its file can be downloaded). */
    public boolean published() {
        return catalogue.latest().isPresent();
    }

    @Override
    public Optional<Offer> offer() {
        return files.last(Envelope.CATALOGUE).map(f -> new Offer(Envelope.open(f.envelope())
                .payload(CourseCatalogue.Release.class), f.takenAt(), f.takenBy()));
    }

    @Override
    public int fetch(SoteriaUser user) {
        return files.fetch(user, HubApi.CATALOGUE, CATALOGUE).version();
    }

    @Override
    public int upload(SoteriaUser user, String text) {
        return files.take(user, text, "file", CATALOGUE).version();
    }
}
