package org.soteria.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.soteria.pprl.BloomEncoder;
import org.soteria.pprl.Matcher;

/**
 * The hub's check of a force's suspect encodings before any is matched: a valid key id, filters of the expected
 * size and fields, at most {@link #MAX_RECORDS} records, each token well formed and given once. A refusal names the
 * record and why.
 */
final class EncodingsCheck {

    static final int MAX_RECORDS = 200_000;

    private EncodingsCheck() {
    }

    static List<Matcher.Encoded> records(Messages.Encodings e) {
        if (e.keyId() == null || !e.keyId().matches("[0-9a-f]{16}")) {
            throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "The encodings have no valid key id");
        }
        if (!BloomEncoder.SCHEME.equals(e.scheme()) || e.bits() != BloomEncoder.BITS || !BloomEncoder.FIELDS.equals(e.fields())) {
            throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "The encodings must follow " + BloomEncoder.SCHEME
                    + " (" + BloomEncoder.BITS + "-bit filters of " + BloomEncoder.FIELDS + "): update Soteria at the force");
        }
        if (e.records() == null || e.records().size() > MAX_RECORDS) {
            throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "The encodings must list between 0 and "
                    + MAX_RECORDS + " records");
        }
        List<Matcher.Encoded> out = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < e.records().size(); i++) {
            Messages.Encodings.Item item = e.records().get(i);
            if (item == null || item.token() == null || !item.token().matches("[0-9a-f]{32}") || !tokens.add(item.token())) {
                throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "Record " + (i + 1)
                        + ": the token must be 32 hex digits and appear once");
            }
            try {
                out.add(new Matcher.Encoded(item.token(), BloomEncoder.fromBase64(item.filters())));
            } catch (IllegalArgumentException ex) {
                throw new Envelope.Rejected(Envelope.Reason.INVALID_PAYLOAD, "Record " + (i + 1) + ": the filters are "
                        + ex.getMessage());
            }
        }
        return out;
    }
}
