package org.soteria.research;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes for a research extract: HMAC-SHA-256 under the project's own random key, cut to 128 bits.
 * The same record always gets the same pseudonym within a project, so researchers can follow a person
 * across crimes; another project's key gives unrelated pseudonyms, so two extracts cannot be joined, and
 * without the key a pseudonym cannot be tested against a guessed identity.
 */
final class Pseudonyms {

    private final Mac mac;

    Pseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A project key has 32 bytes or more");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pseudonym of an identifier ("crime:NWP:C1", "person:NWP:P1"): 32 hex characters. */
    synchronized String of(String identifier) {
        byte[] h = mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 16);
    }
}
