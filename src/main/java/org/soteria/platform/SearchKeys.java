package org.soteria.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The keys of the name search index (issue 24, ADR 27): each piece of a name (a prefix, a sound, the whole word)
 * is kept as a 64-bit keyed hash, never as text: SipHash-2-4, the keyed pseudo-random function made for short
 * inputs (an import hashes some 25 pieces for each of millions of people, and HMAC-SHA-256 made importing 1.8
 * million people 85 seconds slower; docs/benchmarks.md). Keys are named and rotatable:
 * {@code soteria.encryption.search-keys} lists {@code id:base64} pairs, the first making new entries, the others
 * still searched while {@code soteria encryption rotate} re-indexes the rows they made. An entry with an id and no
 * key ({@code s0}) is the key derived from the index key, which is also the default when nothing is set.
 */
@Component
public class SearchKeys {

    /** The id of the key derived from the index key. */
    public static final String DERIVED = "s0";

    /** Each key as SipHash's two 64-bit halves. */
    private final Map<String, long[]> keys = new LinkedHashMap<>();
    private final String current;

    public SearchKeys(Environment env, FieldCipher cipher) {
        String configured = env.getProperty("soteria.encryption.search-keys",
                cipher.searchKeysFromFile().orElse(DERIVED));
        for (String entry : configured.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (!parts[0].matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("soteria.encryption.search-keys must be id:base64 pairs (or an id alone "
                        + "for the key derived from the index key) separated by commas, the id 1 to 16 letters, digits, "
                        + "'-' or '_'");
            }
            byte[] key;
            if (parts.length == 1) {
                key = cipher.derive("soteria name search " + parts[0]);
            } else {
                try {
                    key = Base64.getDecoder().decode(parts[1].trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("soteria.encryption.search-keys (" + parts[0] + ") is not base64", e);
                }
                if (key.length < 32) {
                    throw new IllegalStateException("soteria.encryption.search-keys (" + parts[0] + ") must be at "
                            + "least 32 bytes, base64 encoded");
                }
            }
            keys.put(parts[0], new long[] {littleEndian(key, 0), littleEndian(key, 8)});
        }
        this.current = keys.keySet().iterator().next();
    }

    /** The key new index entries are made with. */
    public String current() {
        return current;
    }

    /** Every configured key, the current first: a search looks under each, so a rotation half-done misses nothing. */
    public List<String> ids() {
        return new ArrayList<>(keys.keySet());
    }

    /** The 64-bit keyed hash of {@code text} (UTF-8) under key {@code id}. */
    public long hash(String id, String text) {
        long[] k = keys.get(id);
        if (k == null) {
            throw new IllegalArgumentException("No search key " + id);
        }
        return sipHash24(k[0], k[1], text.getBytes(StandardCharsets.UTF_8));
    }

    private static long littleEndian(byte[] b, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[from + i] & 0xffL);
        }
        return v;
    }

    /** SipHash-2-4 (Aumasson and Bernstein, 2012) of {@code m} under the key (k0, k1), as the reference computes it. */
    static long sipHash24(long k0, long k1, byte[] m) {
        long[] v = {k0 ^ 0x736f6d6570736575L, k1 ^ 0x646f72616e646f6dL, k0 ^ 0x6c7967656e657261L,
            k1 ^ 0x7465646279746573L};
        int whole = m.length - m.length % 8;
        for (int i = 0; i < whole; i += 8) {
            compress(v, littleEndian(m, i), 2);
        }
        long last = ((long) m.length & 0xff) << 56;
        for (int i = m.length - 1; i >= whole; i--) {
            last |= (m[i] & 0xffL) << (8 * (i - whole));
        }
        compress(v, last, 2);
        v[2] ^= 0xff;
        rounds(v, 4);
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    /** One message word into the state: xored in, {@code rounds} SipRounds, xored out. */
    private static void compress(long[] v, long word, int rounds) {
        v[3] ^= word;
        rounds(v, rounds);
        v[0] ^= word;
    }

    private static void rounds(long[] v, int n) {
        for (int r = 0; r < n; r++) {
            v[0] += v[1];
            v[1] = Long.rotateLeft(v[1], 13) ^ v[0];
            v[0] = Long.rotateLeft(v[0], 32);
            v[2] += v[3];
            v[3] = Long.rotateLeft(v[3], 16) ^ v[2];
            v[0] += v[3];
            v[3] = Long.rotateLeft(v[3], 21) ^ v[0];
            v[2] += v[1];
            v[1] = Long.rotateLeft(v[1], 17) ^ v[2];
            v[2] = Long.rotateLeft(v[2], 32);
        }
    }
}
