package org.soteria.network;

import java.util.List;
import java.util.Optional;
import org.soteria.assessment.FrameworkExchange;
import org.soteria.assessment.ReviewTemplateExchange;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/**
 * Assessment frameworks and the case file review's templates from the national hub (issue 28, ADRs 37 and 43). At the
 * hub: every published version of each, whole, in one file the hub signs. In a force: the file taken over HTTPS or by
 * upload, checked against the hub's key and refused when older than the one taken before; each version the force does
 * not have is shown with what changed, and the force's Soteria lead accepts it.
 */
@Service
public class NationalFrameworks {

    private static final HubFiles.Kind<Messages.Frameworks> FRAMEWORKS = new HubFiles.Kind<>(Envelope.FRAMEWORKS,
            Messages.Frameworks.class, NationalFrameworks::problems, Messages.Frameworks::versions,
            "the hub's frameworks", "network_frameworks", "framework and review template versions");

    private final FrameworkExchange exchange;
    private final ReviewTemplateExchange templates;
    private final HubFiles files;

    NationalFrameworks(FrameworkExchange exchange, ReviewTemplateExchange templates, HubFiles files) {
        this.exchange = exchange;
        this.templates = templates;
        this.files = files;
    }

    /** The hub's frameworks file: every published version, signed; numbered by the time it was made. */
    public String signedFile() {
        return files.sign(Envelope.FRAMEWORKS, new Messages.Frameworks(exchange.published(), templates.published()));
    }

    /** Asks the hub for its frameworks file and takes it; returns how many versions it holds. */
    public int fetch(SoteriaUser user) {
        return files.fetch(user, HubApi.FRAMEWORKS, FRAMEWORKS).versions();
    }

    /** Takes a frameworks file uploaded by hand (downloaded at the hub), with the same checks. */
    public int upload(SoteriaUser user, String text) {
        return files.take(user, text, "file", FRAMEWORKS).versions();
    }

    private static List<String> problems(Messages.Frameworks f) {
        if (f.frameworks() == null) {
            return List.of("it lists no frameworks");
        }
        List<String> out = new java.util.ArrayList<>();
        for (FrameworkExchange.Framework x : f.frameworks()) {
            out.addAll(x == null ? List.of("an empty framework") : x.problems());
        }
        for (ReviewTemplateExchange.Template t : f.templates()) {
            out.addAll(t == null ? List.of("an empty review template") : t.problems());
        }
        return out;
    }

    /**
     * What the page shows: when the hub's file was taken (null: never) and the versions this force does not have, of
     * frameworks and of review templates.
     */
    public record Offers(NetworkRepository.HubFile taken, List<FrameworkExchange.Offer> offers,
            List<ReviewTemplateExchange.Offer> templateOffers) {

        public boolean upToDate() {
            return taken != null && offers.isEmpty() && templateOffers.isEmpty();
        }
    }

    public Offers offers() {
        Optional<Messages.Frameworks> file = file();
        return new Offers(files.last(Envelope.FRAMEWORKS).orElse(null),
                file.map(f -> exchange.offers(f.frameworks())).orElse(List.of()),
                file.map(f -> templates.offers(f.templates())).orElse(List.of()));
    }

    private Optional<Messages.Frameworks> file() {
        return files.last(Envelope.FRAMEWORKS).map(t -> Envelope.open(t.envelope()).payload(Messages.Frameworks.class));
    }

    private Messages.Frameworks taken() {
        return file().orElseThrow(() -> new Invalid("framework", "{frameworkOffer.noneTaken}"));
    }

    /** Accepts the version {@code version} of framework {@code name} from the file taken. */
    public long accept(SoteriaUser user, String name, String version) {
        FrameworkExchange.Framework f = taken().frameworks().stream().filter(x -> x.name().equals(name)
                && String.valueOf(x.version()).equals(version)).findFirst().orElseThrow(() -> new Invalid("framework",
                        "{frameworkOffer.notInFile}"));
        return exchange.accept(user, f);
    }

    /** Accepts the version {@code version} of review template {@code name} from the file taken. */
    public long acceptTemplate(SoteriaUser user, String name, String version) {
        ReviewTemplateExchange.Template t = taken().templates().stream().filter(x -> x.name().equals(name)
                && String.valueOf(x.version()).equals(version)).findFirst().orElseThrow(() -> new Invalid("template",
                        "{frameworkOffer.notInFile}"));
        return templates.accept(user, t);
    }
}
