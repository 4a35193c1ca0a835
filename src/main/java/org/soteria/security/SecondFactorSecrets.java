package org.soteria.security;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.platform.FieldCipher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticator (TOTP) secrets at rest: encrypted with the field keys like people's names, bound to the
 * account they belong to, so a copy of the database (or a reader of {@code app_user}) cannot make codes.
 * At start, secrets stored before encryption (in plain text) are encrypted; {@link #rotate()} moves them
 * to the current key with {@code soteria encryption rotate}.
 */
@Component
public class SecondFactorSecrets implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SecondFactorSecrets.class);

    private final FieldCipher cipher;
    private final JdbcClient jdbc;

    public SecondFactorSecrets(FieldCipher cipher, JdbcClient jdbc) {
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    String seal(String username, String secret) {
        return cipher.encrypt(secret, context(username));
    }

    /** The secret; a value written before encryption at rest is read as it is (and encrypted at the next start). */
    String open(String username, String stored) {
        if (stored == null || !encrypted(stored)) {
            return stored;
        }
        return cipher.decrypt(stored, context(username));
    }

    @Override
    public void run(ApplicationArguments args) {
        long n = encryptPlaintext();
        if (n > 0) {
            LOG.info("Encrypted the authenticator secrets of {} accounts stored before encryption at rest", n);
        }
    }

    /** Encrypts every secret still in plain text; returns how many. */
    @Transactional
    public long encryptPlaintext() {
        return reseal(jdbc.sql("select username, totp_secret from app_user where totp_secret is not null "
                + "and totp_secret not like 'v1.%' for update").query((rs, i) -> List.of(rs.getString(1),
                        rs.getString(2))).list(), false);
    }

    /** Re-encrypts every secret under a key other than the current one; returns how many. */
    @Transactional
    public long rotate() {
        List<List<String>> rows = jdbc.sql("select username, totp_secret from app_user where totp_secret like 'v1.%' "
                + "for update").query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).list();
        return reseal(rows.stream()
                .filter(r -> !Objects.equals(FieldCipher.keyIdOf(r.get(1)), cipher.currentKeyId())).toList(), true);
    }

    private long reseal(List<List<String>> rows, boolean sealed) {
        for (List<String> r : rows) {
            String plain = sealed ? open(r.get(0), r.get(1)) : r.get(1);
            jdbc.sql("update app_user set totp_secret = ? where username = ?").params(seal(r.get(0), plain), r.get(0))
                    .update();
        }
        return rows.size();
    }

    private static boolean encrypted(String stored) {
        return stored.startsWith("v1.");
    }

    private static String context(String username) {
        return "app_user.totp_secret:" + username;
    }
}
