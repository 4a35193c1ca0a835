package org.soteria.network;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 keys and signatures for the learning network, with the JDK's own provider; keys travel as Base64 DER. */
public final class Signing {

    private static final String ALGORITHM = "Ed25519";

    private Signing() {
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no Ed25519", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The public key a Base64 text holds, or an exception saying why it is not an Ed25519 public key. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in Base64 (X.509 DER)");
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
    }

    /**
     * A short, readable fingerprint of a public key (the first 16 bytes of its SHA-256, in groups of four hex
     * digits), for reading out over the telephone when a registration is checked.
     */
    public static String fingerprint(String publicKeyBase64) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey(publicKeyBase64).getEncoded());
            String hex = HexFormat.of().formatHex(digest, 0, 16);
            return hex.replaceAll("(.{4})(?!$)", "$1 ");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String text, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    /** Whether {@code signature} (Base64) is the key's signature of exactly these characters. */
    public static boolean verifies(String text, String signature, PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
