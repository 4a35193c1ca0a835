package org.soteria.network;

import java.util.Optional;
import org.soteria.security.SoteriaUser;
import org.soteria.workforce.NationalGuidance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * National guidance and practice between the hub and forces (issue 28, ADR 40): at the hub, the practice library's
 * latest version in a file the hub signs; in a force, that file taken over HTTPS or by upload with the checks every
 * file from the hub gets (the hub's key, the kind, the contents, not older than the one taken before).
 */
@Service
public class NationalPractice implements NationalGuidance {

    private static final HubFiles.Kind<Release> GUIDANCE = new HubFiles.Kind<>(Envelope.NATIONAL_GUIDANCE,
            Release.class, Release::problems, r -> r.items().size(), "the hub's national guidance",
            "network_national_guidance", "practices of the national library");

    private final HubFiles files;
    private final ObjectProvider<PracticeService> practice;

    NationalPractice(HubFiles files, ObjectProvider<PracticeService> practice) {
        this.files = files;
        this.practice = practice;
    }

    /** The hub's guidance file: the practice library's latest version, signed; empty before anything is published. */
    public Optional<String> signedFile() {
        return practice.getObject().nationalRelease().map(r -> files.sign(Envelope.NATIONAL_GUIDANCE, r));
    }

    /** Whether the hub has a guidance file to give (its download is offered). */
    public boolean published() {
        return practice.getObject().nationalGuidanceExists();
    }

    @Override
    public Optional<Offer> offer() {
        return files.last(Envelope.NATIONAL_GUIDANCE).map(f -> new Offer(Envelope.open(f.envelope())
                .payload(Release.class), f.takenAt(), f.takenBy()));
    }

    @Override
    public int fetch(SoteriaUser user) {
        return files.fetch(user, HubApi.NATIONAL_GUIDANCE, GUIDANCE).version();
    }

    @Override
    public int upload(SoteriaUser user, String text) {
        return files.take(user, text, "file", GUIDANCE).version();
    }
}
