package org.soteria.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The keys of the name search index (issue 24, ADR 27): each piece of a name (a prefix, a sound, the whole word)
 * is kept as a 64-bit keyed hash (HMAC-SHA-256, truncated), never as text. Keys are named and rotatable:
 * {@code soteria.encryption.search-keys} lists {@code id:base64} pairs, the first making new entries, the others
 * still searched while {@code soteria encryption rotate} re-indexes the rows they made. An entry with an id and no
 * key ({@code s0}) is the key derived from the index key, which is also the default when nothing is set.
 */
@Component
public class SearchKeys {

    /** The id of the key derived from the index key. */
    public static final String DERIVED = "s0";

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String current;
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(LinkedHashMap::new);

    public SearchKeys(Environment env, FieldCipher cipher) {
        String configured = env.getProperty("soteria.encryption.search-keys", DERIVED);
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
            keys.put(parts[0], new SecretKeySpec(key, "HmacSHA256"));
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

    /** The 64-bit keyed hash of {@code text} under key {@code id}. */
    public long hash(String id, String text) {
        Mac mac = macs.get().computeIfAbsent(id, k -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(keys.get(k));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot compute a search key", e);
            }
        });
        byte[] h = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return v;
    }
}
