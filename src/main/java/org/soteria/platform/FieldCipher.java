package org.soteria.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of the most sensitive fields (people's names, contact details and addresses):
 * AES-256-GCM with a random 96-bit nonce per value, the column and the person bound in as associated
 * data, and the key's id in the stored text ({@code v1.<keyId>.<base64url(nonce ‖ ciphertext ‖ tag)>})
 * so that keys can be rotated. Equality search works through a keyed hash (HMAC-SHA-256) of the
 * normalised value, under a separate index key.
 *
 * <p>Keys come from {@code soteria.encryption.keys} ("id:base64,id:base64", the first encrypts) and
 * {@code soteria.encryption.index-key} (base64); without them, from {@code <data-dir>/field-keys.properties},
 * created on first use with the embedded database (ADR 8).
 */
@Component
public class FieldCipher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FieldCipher.class);
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The key file kept in the data folder when the keys are not given in the environment. */
    public static final String KEY_FILE = "field-keys.properties";

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private String searchKeysFromFile;
    private final String currentKeyId;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(Environment env) {
        String configured = env.getProperty("soteria.encryption.keys");
        String index = env.getProperty("soteria.encryption.index-key");
        if (configured == null || configured.isBlank()) {
            String url = env.getProperty("spring.datasource.url");
            if (url != null && !url.isBlank()) {
                throw new IllegalStateException("With an external database set SOTERIA_ENCRYPTION_KEYS and "
                        + "SOTERIA_ENCRYPTION_INDEX_KEY (soteria.encryption.keys and .index-key): keys generated on one "
                        + "server's disk would not be shared with other instances or survive its loss");
            }
            Path keyFile = EmbeddedDatabase.directory(env.getProperty("soteria.data-dir", "data"))
                    .resolve(KEY_FILE);
            Properties file = keyFile(keyFile);
            LOG.warn("The field encryption keys are kept beside the database, in {}: whoever copies the data "
                    + "directory (or a backup of it) can read every encrypted name. For real data keep them elsewhere: "
                    + "SOTERIA_ENCRYPTION_KEYS and SOTERIA_ENCRYPTION_INDEX_KEY from the force's secret store "
                    + "(README, Running Soteria on a server)", keyFile);
            configured = file.getProperty("keys");
            index = file.getProperty("index-key");
            searchKeysFromFile = file.getProperty("search-keys");
        }
        for (String entry : configured.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("soteria.encryption.keys must be id:base64 pairs separated by commas, "
                        + "the id 1 to 16 letters, digits, '-' or '_'");
            }
            keys.put(parts[0], aesKey(parts[1], "soteria.encryption.keys (" + parts[0] + ")"));
        }
        if (index == null || index.isBlank()) {
            throw new IllegalStateException("soteria.encryption.index-key is needed with soteria.encryption.keys");
        }
        this.currentKeyId = keys.keySet().iterator().next();
        this.indexKey = new SecretKeySpec(decode(index, "soteria.encryption.index-key"), "HmacSHA256");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The name search keys a restored key file holds (a backup's keys, given there in the environment). */
    public java.util.Optional<String> searchKeysFromFile() {
        return java.util.Optional.ofNullable(searchKeysFromFile).filter(k -> !k.isBlank());
    }

    /** Every configured key's id, the current first: what a restore needs to read the stored values. */
    public java.util.List<String> keyIds() {
        return java.util.List.copyOf(keys.keySet());
    }

    /** The stored form of a value; null stays null. {@code context} names the record and column. */
    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return VERSION + "." + currentKeyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a field", e);
        }
    }

    /** The plaintext of a stored value; fails if it was altered, moved to another record or column, or its key is gone. */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("A stored value in " + context + " is not in the encrypted form");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("A value in " + context + " is encrypted under key '" + parts[1]
                    + "', which is not configured in soteria.encryption.keys");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A value in " + context + " failed its integrity check: it was altered "
                    + "or belongs to another record", e);
        }
    }

    /** The key id a stored value was encrypted under. */
    public static String keyIdOf(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\.", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    /** A keyed hash for equality search; null for null or blank. */
    public String index(String normalised) {
        if (normalised == null || normalised.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a search index", e);
        }
    }

    /** A key derived from the index key for one purpose ({@code label}): HMAC-SHA-256 of the label. */
    byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive a key", e);
        }
    }

    /** A name as search compares it: lower case, accents and punctuation removed, single spaces. */
    public static String normaliseName(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").trim();
    }

    private static Properties keyFile(Path file) {
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                p.load(new java.io.StringReader(SecretFiles.readPrivate(file, "field encryption key file")));
                return p;
            }
            SecureRandom r = new SecureRandom();
            byte[] k = new byte[32];
            byte[] i = new byte[32];
            r.nextBytes(k);
            r.nextBytes(i);
            p.setProperty("keys", "k1:" + Base64.getEncoder().encodeToString(k));
            p.setProperty("index-key", Base64.getEncoder().encodeToString(i));
            java.io.StringWriter text = new java.io.StringWriter();
            p.store(text, "Soteria field encryption keys: back these up with the database; without them the "
                    + "encrypted fields cannot be read");
            SecretFiles.writeNew(file, text.toString());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the field keys " + file, e);
        }
    }

    private static SecretKeySpec aesKey(String base64, String what) {
        byte[] k = decode(base64, what);
        if (k.length != 32) {
            throw new IllegalStateException(what + " must be 32 bytes (256 bits), base64 encoded");
        }
        return new SecretKeySpec(k, "AES");
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64", e);
        }
    }
}
