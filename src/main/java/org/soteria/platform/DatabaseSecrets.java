package org.soteria.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's passwords, for its owner and for the application's role: generated on first start
 * into {@code <data-dir>/database-secrets.properties}, readable by the service's own user alone ({@link SecretFiles}).
 * An administrator who needs psql reads them from there (the operations guide says how).
 */
public record DatabaseSecrets(Path file, String owner, String app) {

    public static final String FILE = "database-secrets.properties";

    static DatabaseSecrets in(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                p.load(new StringReader(SecretFiles.readPrivate(file, "database password file")));
            } else {
                p.setProperty("owner-password", random());
                p.setProperty("app-password", random());
                StringWriter text = new StringWriter();
                p.store(text, "Passwords of the embedded PostgreSQL (owner: postgres; application: "
                        + EmbeddedDatabase.APP_ROLE + "). Back up with the database.");
                SecretFiles.writeNew(file, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the database password file " + file, e);
        }
        String owner = p.getProperty("owner-password");
        String app = p.getProperty("app-password");
        if (owner == null || owner.isBlank() || app == null || app.isBlank()) {
            throw new IllegalStateException("The database password file " + file + " needs owner-password and "
                    + "app-password");
        }
        return new DatabaseSecrets(file, owner, app);
    }

    /** Never the passwords themselves, should this ever be logged. */
    @Override
    public String toString() {
        return "DatabaseSecrets[" + file + "]";
    }

    private static String random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
