package org.soteria.network;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import org.soteria.platform.EncryptedColumns;
import org.soteria.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This instance's Ed25519 signing key, made on first use and kept in the database with the private half
 * encrypted; and the encrypted shared linkage secret. Both are re-encrypted by {@code encryption rotate}.
 */
@Component
public class NetworkKeys {

    private static final String PRIVATE_CONTEXT = "network_identity.private_key";
    static final String SECRET_CONTEXT = "network_link.linkage_secret";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final EncryptedColumns columns;

    public NetworkKeys(JdbcClient jdbc, FieldCipher cipher, EncryptedColumns columns) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.columns = columns;
    }

    /** The identity a force or the hub signs with. */
    public record Identity(String sender, String publicKey, PrivateKey privateKey) {

        public String fingerprint() {
            return Signing.fingerprint(publicKey);
        }
    }

    public Optional<Identity> existing() {
        return jdbc.sql("select sender, public_key, private_key from network_identity where id = 1")
                .query((rs, i) -> new Identity(rs.getString(1), rs.getString(2),
                        Signing.privateKey(cipher.decrypt(rs.getString(3), PRIVATE_CONTEXT)))).optional();
    }

    /** The identity, made for {@code sender} on first use. */
    @Transactional
    public Identity identity(String sender) {
        Optional<Identity> found = existing();
        if (found.isPresent()) {
            return found.get();
        }
        KeyPair pair = Signing.newKeyPair();
        jdbc.sql("insert into network_identity (id, sender, public_key, private_key) values (1, ?, ?, ?) "
                + "on conflict (id) do nothing")
                .params(sender, Signing.encode(pair.getPublic()), cipher.encrypt(Signing.encode(pair.getPrivate()),
                        PRIVATE_CONTEXT)).update();
        return existing().orElseThrow();
    }

    String encryptSecret(String secret) {
        return cipher.encrypt(secret, SECRET_CONTEXT);
    }

    String decryptSecret(String stored) {
        return cipher.decrypt(stored, SECRET_CONTEXT);
    }

    /** Re-encrypts the private key and the linkage secret under the current key; returns rows changed. */
    public long rotate() {
        return columns.rotate("network_identity", "id", List.of("private_key"), (keys, column) -> PRIVATE_CONTEXT)
                + columns.rotate("network_link", "id", List.of("linkage_secret"), (keys, column) -> SECRET_CONTEXT);
    }
}
