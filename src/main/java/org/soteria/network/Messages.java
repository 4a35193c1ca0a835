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

    /** A force's suspects, encoded: the key id of the shared secret and one token and filters per record. */
    public record Encodings(String keyId, int bits, List<String> fields, List<Item> records) {

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
    public record Answer(boolean accepted, String reason, String detail, Long receipt, String notices) {

        static Answer accepted(long receipt, String detail) {
            return new Answer(true, null, detail, receipt, null);
        }
    }
}
