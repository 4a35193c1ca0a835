package org.soteria.network;

import java.util.List;

/** The other messages between forces and the hub, besides the benchmark bundle. */
public final class Messages {

    private Messages() {
    }

    /**
     * A force asking to join: its code, name, public key and a contact. Anyone can ask; only the national
     * team's approval, after checking the key's fingerprint with the force by telephone, lets it send.
     */
    public record Registration(String force, String name, String publicKey, String contact) {
    }

    /** What the hub says about itself, so that a force can check the hub's later answers. */
    public record HubInfo(String hub, String publicKey, String fingerprint) {
    }

    /**
     * A force's suspects, encoded: the scheme (ADR 31), the key id of the release's shared secret and one token and
     * filters per record.
     */
    public record Encodings(String scheme, String keyId, int bits, List<String> fields, List<Item> records) {

        public record Item(String token, String filters) {
        }
    }

    /** The hub's report to one force of its suspects who may also be known to other forces (signed by the hub). */
    public record Notices(String force, List<Notice> notices) {

        public record Notice(String token, String otherForce, String otherName, String otherContact, double score,
                String foundAt) {
        }
    }

    /** The hub's answer to a file: accepted or refused with the reason, and for a notices request the notices. */
    /**
     * The hub's answer. {@code witnessed}: for a force's audit checkpoint, the latest one the hub holds for it (which
     * the force then checks its own log against).
     */
    public record Answer(boolean accepted, String reason, String detail, Long receipt, String notices,
            Checkpoint witnessed) {

        Answer(boolean accepted, String reason, String detail, Long receipt, String notices) {
            this(accepted, reason, detail, receipt, notices, null);
        }
    }

    /** A force's signed audit checkpoint, as its audit log signed it (ADR 5): a copy its own administrators cannot reach. */
    public record Checkpoint(long seq, String hash, String at, String keyId, String signature) {

        /** This checkpoint, refused with the reason unless well formed: the hub keeps only well-formed copies. */
        Checkpoint checked() {
            String problem = problem();
            if (problem != null) {
                throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "The audit checkpoint cannot be kept: "
                        + problem);
            }
            return this;
        }

        private String problem() {
            if (seq < 1) {
                return "the record number must be 1 or more";
            }
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                return "the hash must be 64 hex digits";
            }
            if (keyId == null || !keyId.matches("[0-9a-f]{16}")) {
                return "the key id must be 16 hex digits";
            }
            if (signature == null || !signature.matches("[A-Za-z0-9+/=]{40,200}")) {
                return "the signature is not base64";
            }
            try {
                java.time.Instant.parse(at);
            } catch (RuntimeException e) {
                return "the time is not an ISO instant";
            }
            return null;
        }
    }

    /** The hub's published assessment frameworks, each version whole (issue 28). */
    public record Frameworks(List<org.soteria.assessment.FrameworkExchange.Framework> frameworks) {
    }
}
