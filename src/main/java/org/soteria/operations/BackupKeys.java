package org.soteria.operations;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Properties;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys a backup carries when asked ({@code --with-keys}), sealed under the operator's passphrase: AES-256-GCM
 * under a key drawn from the passphrase with PBKDF2-HMAC-SHA-256 (600,000 iterations, OWASP's figure for it, and a
 * random 16-byte salt), the backup's id bound in as associated data so that sealed keys cannot be moved into
 * another backup. A wrong passphrase and altered bytes fail alike, at the tag.
 */
final class BackupKeys {

    static final String ENTRY = "keys.sealed";
    static final String PASSPHRASE_ENV = "SOTERIA_BACKUP_PASSPHRASE";
    static final String PASSPHRASE_PROPERTY = "soteria.backup.passphrase";
    static final int MIN_PASSPHRASE = 12;

    private static final byte[] MAGIC = "SKEY1".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 600_000;
    private static final int SALT = 16;
    private static final int NONCE = 12;

    private BackupKeys() {
    }

    /** The passphrase from {@value #PASSPHRASE_ENV} (or the JVM property {@value #PASSPHRASE_PROPERTY}), checked. */
    static char[] passphrase(String purpose) {
        String p = System.getenv(PASSPHRASE_ENV);
        if (p == null || p.isEmpty()) {
            p = System.getProperty(PASSPHRASE_PROPERTY);
        }
        if (p == null || p.isEmpty()) {
            throw new BackupException(purpose + " needs a passphrase: set " + PASSPHRASE_ENV
                    + " (the same one restores)");
        }
        if (p.length() < MIN_PASSPHRASE) {
            throw new BackupException(PASSPHRASE_ENV + " must be at least " + MIN_PASSPHRASE + " characters (it has "
                    + p.length() + "); a short passphrase is guessed from a stolen backup");
        }
        return p.toCharArray();
    }

    /** A field key file ({@code keys}, {@code index-key}, perhaps {@code search-keys}), private to its owner. */
    static Properties fieldKeyFile(java.nio.file.Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(org.soteria.platform.SecretFiles.readPrivate(file, "field encryption key file")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the field encryption key file " + file, e);
        }
        return p;
    }

    static byte[] seal(Properties keys, char[] passphrase, String backupId) {
        StringWriter text = new StringWriter();
        try {
            keys.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, passphrase, salt, ITERATIONS, nonce, backupId);
            byte[] sealed = c.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(MAGIC.length + 4 + SALT + NONCE + sealed.length).put(MAGIC).putInt(ITERATIONS)
                    .put(salt).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the backup's keys", e);
        }
    }

    static Properties unseal(byte[] sealed, char[] passphrase, String backupId, String file) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] magic = new byte[MAGIC.length];
        if (sealed.length < MAGIC.length + 4 + SALT + NONCE + 16 || !Arrays.equals(readInto(in, magic), MAGIC)) {
            throw new BackupException(file + ": the sealed keys are damaged");
        }
        int iterations = in.getInt();
        if (iterations < 100_000 || iterations > 10_000_000) {
            throw new BackupException(file + ": the sealed keys are damaged (iterations " + iterations + ")");
        }
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        in.get(salt).get(nonce);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, passphrase, salt, iterations, nonce, backupId).doFinal(body);
            Properties keys = new Properties();
            keys.load(new StringReader(new String(plain, StandardCharsets.UTF_8)));
            return keys;
        } catch (AEADBadTagException e) {
            throw new BackupException(file + ": " + PASSPHRASE_ENV + " does not open the backup's keys (a different "
                    + "passphrase, or the keys were altered)");
        } catch (GeneralSecurityException | IOException e) {
            throw new BackupException(file + ": the sealed keys cannot be read", e);
        }
    }

    private static byte[] readInto(ByteBuffer in, byte[] into) {
        in.get(into);
        return into;
    }

    private static Cipher cipher(int mode, char[] passphrase, byte[] salt, int iterations, byte[] nonce, String backupId)
            throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256)).getEncoded();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(("soteria-backup-keys|" + backupId).getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
