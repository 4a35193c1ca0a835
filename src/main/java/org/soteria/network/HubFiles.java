package org.soteria.network;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files the hub publishes for every force to pull (frameworks, the training catalogue; ADRs 37 and 39). At the hub:
 * signed with its key and numbered by the time they were made. In a force: taken over HTTPS or by upload, checked
 * against the hub's key recorded at registration, refused when of another kind, unfit, or older than the file of
 * that kind taken before; the latest of each kind is kept, and every taking is logged.
 */
@Component
class HubFiles {

    private final NetworkKeys keys;
    private final NetworkRepository repository;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    HubFiles(NetworkKeys keys, NetworkRepository repository, AuditService audit, TransactionTemplate tx, Clock clock) {
        this.keys = keys;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The hub's file of {@code kind}, signed; its number is the time it was made, so a newer file has a larger one. */
    String sign(String kind, Object payload) {
        NetworkKeys.Identity hub = keys.identity(HubService.HUB);
        return Envelope.seal(kind, HubService.HUB, clock.millis(), clock.instant(), payload, hub.privateKey());
    }

    /** The hub's address, or the reason the force cannot call it yet. */
    String hubUrl() {
        String url = repository.link().hubUrl();
        if (url == null) {
            throw new Invalid("hubUrl", "{networkError.saveTheHubsAddressAnd}");
        }
        return url;
    }

    /** What one kind of file is: its envelope type, payload, checks, and how the log and the refusals name it. */
    record Kind<T>(String type, Class<T> payload, Function<T, List<String>> problems, Function<T, Integer> size,
            String name, String auditTarget, String auditWhat) {
    }

    /**
     * Takes a file of {@code kind} ({@code via} "https" or "file"): returns its payload once kept, or throws
     * {@link Invalid} with the reason it was refused.
     */
    <T> T take(SoteriaUser user, String text, String via, Kind<T> kind) {
        try {
            return taken(user, text, via, kind);
        } catch (Envelope.Rejected e) {
            throw new Invalid("file", e.getMessage());
        }
    }

    /**
     * Asks the hub for its file of {@code kind} at {@code path} and takes it; an unreachable hub, an answer that is no
     * file, or a refusal throws {@link Invalid} with the reason (a message code as it came, or the protocol's words).
     */
    <T> T fetch(SoteriaUser user, String path, Kind<T> kind) {
        String text;
        try {
            text = new HubClient(hubUrl()).published(path);
        } catch (HubClient.Failed | IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw new Invalid("file", m.startsWith("{") && m.endsWith("}") ? m : Fault.of("networkError.networkSaid", m));
        }
        return take(user, text, "https", kind);
    }

    private <T> T taken(SoteriaUser user, String text, String via, Kind<T> kind) {
        NetworkRepository.Link link = repository.link();
        if (link.hubPublicKey() == null) {
            throw new Envelope.Rejected(Envelope.Reason.UNKNOWN_SENDER, "The hub's key is not recorded: register first");
        }
        Envelope.Opened o = Envelope.open(text);
        if (!kind.type().equals(o.body().type())) {
            throw new Envelope.Rejected(Envelope.Reason.MALFORMED, "This is a " + o.body().type() + " file, not "
                    + kind.name());
        }
        o.verifiedWith(Signing.publicKey(link.hubPublicKey()));
        T payload = o.payload(kind.payload());
        List<String> problems = kind.problems().apply(payload);
        if (!problems.isEmpty()) {
            throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, capitalised(kind.name()) + " cannot be taken: "
                    + String.join("; ", problems));
        }
        long sequence = o.body().sequence();
        tx.executeWithoutResult(s -> {
            long last = repository.hubFile(kind.type()).map(NetworkRepository.HubFile::sequence).orElse(0L);
            if (sequence < last) {
                throw new Envelope.Rejected(Envelope.Reason.REPLAYED, "This file was made before the one already taken ("
                        + o.body().created() + "): take the newest from the hub");
            }
            repository.saveHubFile(kind.type(), text, sequence, user.getUsername());
            audit.record(user.getUsername(), user.role().name(), AuditAction.IMPORT, kind.auditTarget(),
                    String.valueOf(sequence), kind.size().apply(payload) + " " + kind.auditWhat() + " from the hub, " + via);
        });
        return payload;
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The file of {@code type} taken last, if any. */
    Optional<NetworkRepository.HubFile> last(String type) {
        return repository.hubFile(type);
    }
}
