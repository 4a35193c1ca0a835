package org.soteria.network;

import java.util.List;
import java.util.Optional;
import org.soteria.assessment.FrameworkExchange;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/**
 * Assessment frameworks from the national hub (issue 28, ADR 37). At the hub: every published version, whole, in a
 * file the hub signs. In a force: the file taken over HTTPS or by upload, checked against the hub's key and refused
 * when older than the one taken before; each version the force does not have is shown with what changed, and the
 * force's Soteria lead accepts it.
 */
@Service
public class NationalFrameworks {

    private static final HubFiles.Kind<Messages.Frameworks> FRAMEWORKS = new HubFiles.Kind<>(Envelope.FRAMEWORKS,
            Messages.Frameworks.class, NationalFrameworks::problems, f -> f.frameworks().size(),
            "the hub's frameworks", "network_frameworks", "framework versions");

    private final FrameworkExchange exchange;
    private final HubFiles files;

    NationalFrameworks(FrameworkExchange exchange, HubFiles files) {
        this.exchange = exchange;
        this.files = files;
    }

    /** The hub's frameworks file: every published version, signed; numbered by the time it was made. */
    public String signedFile() {
        return files.sign(Envelope.FRAMEWORKS, new Messages.Frameworks(exchange.published()));
    }

    /** Asks the hub for its frameworks file and takes it; returns how many versions it holds. */
    public int fetch(SoteriaUser user) {
        return files.fetch(user, HubApi.FRAMEWORKS, FRAMEWORKS).frameworks().size();
    }

    /** Takes a frameworks file uploaded by hand (downloaded at the hub), with the same checks. */
    public int upload(SoteriaUser user, String text) {
        return files.take(user, text, "file", FRAMEWORKS).frameworks().size();
    }

    private static List<String> problems(Messages.Frameworks f) {
        if (f.frameworks() == null) {
            return List.of("it lists no frameworks");
        }
        List<String> out = new java.util.ArrayList<>();
        for (FrameworkExchange.Framework x : f.frameworks()) {
            out.addAll(x == null ? List.of("an empty framework") : x.problems());
        }
        return out;
    }

    /** What the page shows: when the hub's file was taken (null: never) and the versions this force does not have. */
    public record Offers(NetworkRepository.HubFile taken, List<FrameworkExchange.Offer> offers) {
    }

    public Offers offers() {
        Optional<NetworkRepository.HubFile> taken = files.last(Envelope.FRAMEWORKS);
        return new Offers(taken.orElse(null), taken.map(t -> exchange.offers(frameworks(t))).orElse(List.of()));
    }

    private static List<FrameworkExchange.Framework> frameworks(NetworkRepository.HubFile taken) {
        return Envelope.open(taken.envelope()).payload(Messages.Frameworks.class).frameworks();
    }

    /** Accepts the version {@code version} of framework {@code name} from the file taken. */
    public long accept(SoteriaUser user, String name, String version) {
        NetworkRepository.HubFile taken = files.last(Envelope.FRAMEWORKS).orElseThrow(() -> new Invalid("framework",
                "{frameworkOffer.noneTaken}"));
        FrameworkExchange.Framework f = frameworks(taken).stream().filter(x -> x.name().equals(name)
                && String.valueOf(x.version()).equals(version)).findFirst().orElseThrow(() -> new Invalid("framework",
                        "{frameworkOffer.notInFile}"));
        return exchange.accept(user, f);
    }
}
