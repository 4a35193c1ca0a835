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

    /**
     * The hub's published assessment frameworks and case file review templates, each version whole (issue 28). A file
     * made before templates travelled has none ({@link #templates()} is then empty).
     */
    public record Frameworks(List<org.soteria.assessment.FrameworkExchange.Framework> frameworks,
            List<org.soteria.assessment.ReviewTemplateExchange.Template> reviewTemplates) {

        public List<org.soteria.assessment.ReviewTemplateExchange.Template> templates() {
            return reviewTemplates == null ? List.of() : reviewTemplates;
        }

        /** How many versions the file holds, of both kinds. */
        public int versions() {
            return frameworks.size() + templates().size();
        }
    }

    /**
     * A force's guidance documents marked "share with the network", each at its current version, and the force's
     * network contact (issue 28). The hub puts each in the practice library's moderation queue.
     */
    public record Guidance(String contact, List<Item> items) {

        /** A document: the force's own number for it, its pillar (1 to 6), title, and current version. */
        public record Item(long document, int pillar, String title, int version, String url, String summary,
                String publishedOn) {
        }

        /** Why the file cannot be taken, naming the document and the field; empty when it can. */
        public List<String> problems() {
            List<String> out = new java.util.ArrayList<>();
            if (contact == null || contact.isBlank() || contact.length() > 200) {
                out.add("contact: the force's network contact is needed (up to 200 characters)");
            }
            if (items == null || items.size() > 500) {
                out.add("items: a list of up to 500 documents is needed");
                return out;
            }
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Item i : items) {
                String at = "document " + (i == null ? null : i.document());
                if (i == null || !seen.add(i.document())) {
                    out.add(at + ": empty or given twice");
                } else if (i.pillar() < 1 || i.pillar() > 6) {
                    out.add(at + ": pillar " + i.pillar() + " is not one of 1 to 6");
                } else if (i.title() == null || i.title().isBlank() || i.title().length() > 200) {
                    out.add(at + ": the title is missing or over 200 characters");
                } else if (i.summary() == null || i.summary().isBlank() || i.summary().length() > 4000) {
                    out.add(at + ": the summary is missing or over 4,000 characters");
                } else if (i.url() != null && !i.url().matches("https?://\\S{1,1000}")) {
                    out.add(at + ": the link must start with https:// or http://");
                } else if (i.version() < 1 || i.publishedOn() == null
                        || !i.publishedOn().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    out.add(at + ": the version (1 or more) and the day it was published (2026-12-06) are needed");
                }
            }
            return out;
        }
    }
}
