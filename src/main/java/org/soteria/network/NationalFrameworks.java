package org.soteria.network;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.soteria.assessment.FrameworkExchange;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assessment frameworks from the national hub (issue 28, ADR 37). At the hub: every published version, whole, in a
 * file the hub signs. In a force: the file taken over HTTPS or by upload, checked against the hub's key and refused
 * when older than the one taken before; each version the force does not have is shown with what changed, and the
 * force's Soteria lead accepts it.
 */
@Service
public class NationalFrameworks {

    private final FrameworkExchange exchange;
    private final NetworkKeys keys;
    private final NetworkRepository repository;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    NationalFrameworks(FrameworkExchange exchange, NetworkKeys keys, NetworkRepository repository, AuditService audit,
            TransactionTemplate tx, Clock clock) {
        this.exchange = exchange;
        this.keys = keys;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The hub's frameworks file: every published version, signed; numbered by the time it was made. */
    public String signedFile() {
        NetworkKeys.Identity hub = keys.identity(HubService.HUB);
        return Envelope.seal(Envelope.FRAMEWORKS, HubService.HUB, clock.millis(), clock.instant(),
                new Messages.Frameworks(exchange.published()), hub.privateKey());
    }

    /** Asks the hub for its frameworks file and takes it; returns how many versions it holds. */
    public int fetch(SoteriaUser user) {
        String url = repository.link().hubUrl();
        if (url == null) {
            throw new Invalid("hubUrl", "{networkError.saveTheHubsAddressAnd}");
        }
        try {
            return take(user, new HubClient(url).frameworks(), "https");
        } catch (Envelope.Rejected e) {
            throw new Invalid("file", e.getMessage());
        }
    }

    /** Takes a frameworks file uploaded by hand (downloaded at the hub), with the same checks. */
    public int upload(SoteriaUser user, String text) {
        try {
            return take(user, text, "file");
        } catch (Envelope.Rejected e) {
            throw new Invalid("file", e.getMessage());
        }
    }

    private int take(SoteriaUser user, String text, String via) {
        NetworkRepository.Link link = repository.link();
        if (link.hubPublicKey() == null) {
            throw new Envelope.Rejected(Envelope.Reason.UNKNOWN_SENDER, "The hub's key is not recorded: register first");
        }
        Envelope.Opened o = Envelope.open(text);
        if (!Envelope.FRAMEWORKS.equals(o.body().type())) {
            throw new Envelope.Rejected(Envelope.Reason.MALFORMED, "This is a " + o.body().type()
                    + " file, not the hub's frameworks");
        }
        o.verifiedWith(Signing.publicKey(link.hubPublicKey()));
        Messages.Frameworks f = o.payload(Messages.Frameworks.class);
        if (f.frameworks() == null) {
            throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "The frameworks file lists no frameworks");
        }
        for (FrameworkExchange.Framework x : f.frameworks()) {
            List<String> problems = x == null ? List.of("an empty framework") : x.problems();
            if (!problems.isEmpty()) {
                throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "The frameworks file cannot be taken: "
                        + String.join("; ", problems));
            }
        }
        long sequence = o.body().sequence();
        tx.executeWithoutResult(s -> {
            long last = repository.frameworkOffer().map(NetworkRepository.FrameworkOffer::sequence).orElse(0L);
            if (sequence < last) {
                throw new Envelope.Rejected(Envelope.Reason.REPLAYED, "This frameworks file was made before the one "
                        + "already taken (" + o.body().created() + "): take the newest from the hub");
            }
            repository.saveFrameworkOffer(text, sequence, user.getUsername());
            audit.record(user.getUsername(), user.role().name(), AuditAction.IMPORT, "network_frameworks",
                    String.valueOf(sequence), f.frameworks().size() + " framework versions from the hub, " + via);
        });
        return f.frameworks().size();
    }

    /** What the page shows: when the hub's file was taken (null: never) and the versions this force does not have. */
    public record Offers(NetworkRepository.FrameworkOffer taken, List<FrameworkExchange.Offer> offers) {
    }

    public Offers offers() {
        Optional<NetworkRepository.FrameworkOffer> taken = repository.frameworkOffer();
        return new Offers(taken.orElse(null), taken.map(t -> exchange.offers(frameworks(t))).orElse(List.of()));
    }

    private static List<FrameworkExchange.Framework> frameworks(NetworkRepository.FrameworkOffer taken) {
        return Envelope.open(taken.envelope()).payload(Messages.Frameworks.class).frameworks();
    }

    /** Accepts the version {@code version} of framework {@code name} from the file taken. */
    public long accept(SoteriaUser user, String name, String version) {
        NetworkRepository.FrameworkOffer taken = repository.frameworkOffer().orElseThrow(() -> new Invalid("framework",
                "{frameworkOffer.noneTaken}"));
        FrameworkExchange.Framework f = frameworks(taken).stream().filter(x -> x.name().equals(name)
                && String.valueOf(x.version()).equals(version)).findFirst().orElseThrow(() -> new Invalid("framework",
                        "{frameworkOffer.notInFile}"));
        return exchange.accept(user, f);
    }
}
