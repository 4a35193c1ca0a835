package org.soteria.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.FieldCipher;
import org.springframework.mock.env.MockEnvironment;

/** A field cipher with a new current key "k2" in front of a data directory's keys, as after a key change. */
public final class RotatedKeys {

    private RotatedKeys() {
    }

    public static FieldCipher cipher(String dataDir) {
        Properties current = new Properties();
        try (var in = Files.newBufferedReader(EmbeddedDatabase.directory(dataDir).resolve("field-keys.properties"))) {
            current.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] k2 = new byte[32];
        new SecureRandom().nextBytes(k2);
        return new FieldCipher(new MockEnvironment()
                .withProperty("soteria.encryption.keys", "k2:" + Base64.getEncoder().encodeToString(k2) + ","
                        + current.getProperty("keys"))
                .withProperty("soteria.encryption.index-key", current.getProperty("index-key")));
    }
}
