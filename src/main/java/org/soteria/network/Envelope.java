package org.soteria.network;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed message between a force and the hub: the body is JSON text and the signature covers exactly
 * those characters, so nothing needs canonicalising and any change to the body breaks it. The sequence
 * number rises with each message a force sends, which is how the hub refuses a replay.
 */
public record Envelope(String format, String body, String signature) {

    public static final String FORMAT = "soteria-network/1";
    public static final String BENCHMARK = "benchmark";
    public static final String ENCODINGS = "encodings";
    public static final String NOTICES_REQUEST = "notices-request";
    public static final String NOTICES = "notices";
    public static final String CHECKPOINT = "checkpoint";
    /** A force's signed-off self-assessments and its improvement plan's progress by pillar. */
    public static final String PROGRESS = "progress";
    /** The hub's published assessment frameworks, for forces to take. */
    public static final String FRAMEWORKS = "frameworks";
    /** A force's guidance documents marked to share with the network, for the practice library. */
    public static final String GUIDANCE = "guidance";
    /** The hub's latest published training catalogue, for forces to take. */
    public static final String CATALOGUE = "catalogue";
    /** The hub's published practice library as national guidance, for forces to take (ADR 40). */
    public static final String NATIONAL_GUIDANCE = "national-guidance";
    static final Set<String> TYPES = Set.of(BENCHMARK, ENCODINGS, NOTICES_REQUEST, NOTICES, CHECKPOINT, PROGRESS,
            FRAMEWORKS, GUIDANCE, CATALOGUE, NATIONAL_GUIDANCE);

    /** Tolerant of fields it does not know, so that a newer hub or force can add some. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** What an envelope says: what it carries, from whom, its place in the sender's sequence, and when. */
    public record Body(String type, String sender, long sequence, String id, String created, JsonNode payload) {
    }

    /** Seals a payload from {@code sender}: the JSON envelope text to send or to save as a file. */
    public static String seal(String type, String sender, long sequence, Instant created, Object payload,
            PrivateKey key) {
        Body body = new Body(type, sender, sequence, UUID.randomUUID().toString(), created.toString(),
                JSON.valueToTree(payload));
        String text = JSON.writeValueAsString(body);
        return JSON.writeValueAsString(new Envelope(FORMAT, text, Signing.sign(text, key)));
    }

    /** Why an envelope was refused, and the HTTP status that says so. */
    public enum Reason {
        MALFORMED(400), UNSIGNED(400), UNKNOWN_SENDER(403), NOT_APPROVED(403), BAD_SIGNATURE(422), REPLAYED(409),
        INVALID_PAYLOAD(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** An envelope refused, with a reason a person can act on. */
    public static final class Rejected extends RuntimeException {
        private final Reason reason;

        public Rejected(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Refuses a file whose contents have problems, naming the first five. */
    static void refuseIf(String what, java.util.List<String> problems) {
        if (!problems.isEmpty()) {
            throw new Rejected(Reason.INVALID_PAYLOAD, what + String.join("; ", problems.subList(0,
                    Math.min(5, problems.size()))) + (problems.size() > 5 ? " (and " + (problems.size() - 5)
                    + " more)" : ""));
        }
    }

    /** An envelope read and its body parsed, not yet checked against the sender's key. */
    public record Opened(Envelope envelope, Body body) {

        /** Checks the signature with the sender's registered key; a body changed after signing fails here. */
        public Opened verifiedWith(PublicKey key) {
            if (!Signing.verifies(envelope.body(), envelope.signature(), key)) {
                throw new Rejected(Reason.BAD_SIGNATURE, "The signature does not match the contents: the file was "
                        + "changed after it was signed, or signed with a key other than the one registered for "
                        + body.sender());
            }
            return this;
        }

        public <T> T payload(Class<T> type) {
            try {
                T value = JSON.treeToValue(body.payload(), type);
                if (value == null) {
                    throw new Rejected(Reason.INVALID_PAYLOAD, "The " + body.type() + " has no contents");
                }
                return value;
            } catch (JacksonException e) {
                throw new Rejected(Reason.INVALID_PAYLOAD, "The " + body.type() + " is not in the expected form: "
                        + e.getOriginalMessage());
            }
        }
    }

    /** Reads an envelope's text, refusing with a specific reason anything that is not a complete, signed one. */
    public static Opened open(String text) {
        Envelope e = outer(text);
        return new Opened(e, body(e));
    }

    /**
     * Reads a file from a force known in advance (the sending force named outside the file, the hub's API): only the
     * thin outer layer is parsed before the signature is checked with that force's key; the body, which carries the
     * bulk, is parsed only once it is known to be theirs, and must then name the same sender.
     */
    public static Opened openFrom(String text, String sender, PublicKey key) {
        Envelope e = outer(text);
        if (!Signing.verifies(e.body(), e.signature(), key)) {
            throw new Rejected(Reason.BAD_SIGNATURE, "The signature does not match the contents: the file was "
                    + "changed after it was signed, or signed with a key other than the one registered for " + sender);
        }
        Body body = body(e);
        if (!sender.equals(body.sender())) {
            throw new Rejected(Reason.MALFORMED, "The file says it is from " + body.sender() + " but was sent as "
                    + sender);
        }
        return new Opened(e, body);
    }

    private static Envelope outer(String text) {
        if (text == null || text.isBlank()) {
            throw new Rejected(Reason.MALFORMED, "The file is empty");
        }
        Envelope e;
        try {
            e = JSON.readValue(text, Envelope.class);
        } catch (JacksonException ex) {
            throw new Rejected(Reason.MALFORMED, "Not a Soteria network file (not JSON in the expected form): "
                    + ex.getOriginalMessage());
        }
        if (e == null || !FORMAT.equals(e.format())) {
            throw new Rejected(Reason.MALFORMED, "Not a Soteria network file: format must be " + FORMAT);
        }
        if (e.body() == null || e.body().isBlank()) {
            throw new Rejected(Reason.MALFORMED, "The file has no body");
        }
        if (e.signature() == null || e.signature().isBlank()) {
            throw new Rejected(Reason.UNSIGNED, "The file is not signed: only signed files are accepted");
        }
        return e;
    }

    private static Body body(Envelope e) {
        Body body;
        try {
            body = JSON.readValue(e.body(), Body.class);
        } catch (JacksonException ex) {
            throw new Rejected(Reason.MALFORMED, "The body is not in the expected form: " + ex.getOriginalMessage());
        }
        if (body.type() == null || !TYPES.contains(body.type())) {
            throw new Rejected(Reason.MALFORMED, "Unknown message type " + body.type() + ": expected one of "
                    + String.join(", ", new java.util.TreeSet<>(TYPES)));
        }
        if (body.sender() == null || body.sender().isBlank()) {
            throw new Rejected(Reason.MALFORMED, "The body does not say which force sent it");
        }
        if (body.sequence() < 1) {
            throw new Rejected(Reason.MALFORMED, "The sequence number must be 1 or more");
        }
        if (body.id() == null || body.created() == null) {
            throw new Rejected(Reason.MALFORMED, "The body has no id or no creation time");
        }
        try {
            Instant.parse(body.created());
        } catch (DateTimeParseException ex) {
            throw new Rejected(Reason.MALFORMED, "The creation time " + body.created() + " is not an ISO instant");
        }
        return body;
    }
}
