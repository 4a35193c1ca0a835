package org.soteria.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.SecretFiles;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs audit checkpoints. It lives outside the database, so that someone who can
 * rewrite the database still cannot sign a checkpoint for a shortened log: in the file named by
 * {@code soteria.audit.signing-key-file} (default {@code <data-dir>/audit-signing-key.pem}), created
 * on first use. Public keys of retired keys ({@code soteria.audit.retired-public-keys}, base64 X.509)
 * still verify the checkpoints they signed.
 */
@Component
public class AuditSigningKey {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private final Path file;
    private final List<String> retired;
    private KeyPair pair;

    public AuditSigningKey(Environment env) {
        String configured = env.getProperty("soteria.audit.signing-key-file");
        String url = env.getProperty("spring.datasource.url");
        if ((configured == null || configured.isBlank()) && url != null && !url.isBlank()) {
            throw new IllegalStateException("With an external database set SOTERIA_AUDIT_SIGNING_KEY_FILE "
                    + "(soteria.audit.signing-key-file) to the audit checkpoint key every instance shares; it is "
                    + "created there if it does not exist");
        }
        this.file = configured != null && !configured.isBlank() ? Path.of(configured)
                : EmbeddedDatabase.directory(env.getProperty("soteria.data-dir", "data")).resolve("audit-signing-key.pem");
        if (configured == null || configured.isBlank()) {
            org.slf4j.LoggerFactory.getLogger(AuditSigningKey.class).warn("The audit signing key is kept beside the "
                    + "database, in {}: someone who can rewrite the database and read this folder could sign a "
                    + "shortened log. For real data keep it elsewhere: SOTERIA_AUDIT_SIGNING_KEY_FILE (README)", file);
        }
        this.retired = List.of(env.getProperty("soteria.audit.retired-public-keys", String[].class, new String[0]));
    }

    /** Where the key is kept (a backup written with its keys copies it). */
    public Path file() {
        return file;
    }

    public synchronized String keyId() {
        return keyId(pair().getPublic());
    }

    public synchronized byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair().getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an audit checkpoint", e);
        }
    }

    /** Every public key that may have signed a checkpoint, by key id. */
    public synchronized Map<String, PublicKey> verifyingKeys() {
        Map<String, PublicKey> keys = new HashMap<>();
        PublicKey current = pair().getPublic();
        keys.put(keyId(current), current);
        for (String b64 : retired) {
            if (!b64.isBlank()) {
                PublicKey k = publicKey(Base64.getDecoder().decode(b64.trim()));
                keys.put(keyId(k), k);
            }
        }
        return keys;
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private KeyPair pair() {
        if (pair == null) {
            pair = Files.exists(file) ? read() : create();
        }
        return pair;
    }

    private KeyPair read() {
        try {
            String pem = SecretFiles.readPrivate(file, "audit signing key");
            byte[] priv = block(pem, PRIVATE).orElseThrow(() -> new IllegalStateException(
                    "The audit signing key file " + file + " has no PRIVATE KEY block"));
            byte[] pub = block(pem, PUBLIC).orElseThrow(() -> new IllegalStateException(
                    "The audit signing key file " + file + " has no PUBLIC KEY block"));
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(priv));
            return new KeyPair(publicKey(pub), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key " + file + " is not an Ed25519 key", e);
        }
    }

    private KeyPair create() {
        try {
            KeyPair created = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = pem(PRIVATE, created.getPrivate().getEncoded()) + pem(PUBLIC, created.getPublic().getEncoded());
            SecretFiles.writeNew(file, pem);
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no Ed25519", e);
        }
    }

    private static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an Ed25519 public key", e);
        }
    }

    static String keyId(PublicKey key) {
        byte[] digest = AuditChain.sha256().digest(key.getEncoded());
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Optional<byte[]> block(String pem, String type) {
        int start = pem.indexOf("-----BEGIN " + type + "-----");
        int end = pem.indexOf("-----END " + type + "-----");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        String body = pem.substring(start + ("-----BEGIN " + type + "-----").length(), end);
        return Optional.of(Base64.getMimeDecoder().decode(body));
    }
}
