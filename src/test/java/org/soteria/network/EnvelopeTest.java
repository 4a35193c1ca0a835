package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private final KeyPair force = Signing.newKeyPair();
    private final String sealed = Envelope.seal(Envelope.NOTICES_REQUEST, "DF01", 7, Instant.parse("2026-11-29T10:00:00Z"),
            Map.of("note", "hello"), force.getPrivate());

    @Test
    void aSealedEnvelopeOpensAndVerifiesWithTheSendersKey() {
        Envelope.Opened o = Envelope.open(sealed).verifiedWith(force.getPublic());
        assertThat(o.body().sender()).isEqualTo("DF01");
        assertThat(o.body().sequence()).isEqualTo(7);
        assertThat(o.body().type()).isEqualTo(Envelope.NOTICES_REQUEST);
        assertThat(o.body().payload().get("note").asString()).isEqualTo("hello");
    }

    @Test
    void aChangedBodyOrAnotherKeyFailsTheSignature() {
        String tampered = sealed.replace("\\\"sequence\\\":7", "\\\"sequence\\\":8");
        assertThat(tampered).isNotEqualTo(sealed);
        assertThatThrownBy(() -> Envelope.open(tampered).verifiedWith(force.getPublic()))
                .isInstanceOfSatisfying(Envelope.Rejected.class, e -> assertThat(e.reason())
                        .isEqualTo(Envelope.Reason.BAD_SIGNATURE));
        assertThatThrownBy(() -> Envelope.open(sealed).verifiedWith(Signing.newKeyPair().getPublic()))
                .isInstanceOfSatisfying(Envelope.Rejected.class, e -> assertThat(e.getMessage())
                        .contains("changed after it was signed"));
    }

    @Test
    void unsignedMalformedAndUnknownFilesAreRefusedWithTheReason() {
        String unsigned = sealed.replaceAll("\"signature\":\"[^\"]+\"", "\"signature\":\"\"");
        assertThatThrownBy(() -> Envelope.open(unsigned)).isInstanceOfSatisfying(Envelope.Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Envelope.Reason.UNSIGNED));
        assertThatThrownBy(() -> Envelope.open("not json")).isInstanceOfSatisfying(Envelope.Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Envelope.Reason.MALFORMED));
        assertThatThrownBy(() -> Envelope.open("{\"format\":\"other/1\",\"body\":\"{}\",\"signature\":\"x\"}"))
                .hasMessageContaining("format must be soteria-network/1");
        String odd = Envelope.seal("gossip", "DF01", 1, Instant.now(), Map.of(), force.getPrivate());
        assertThatThrownBy(() -> Envelope.open(odd)).hasMessageContaining("Unknown message type gossip");
    }

    @Test
    void keysTravelAsBase64AndHaveAReadableFingerprint() {
        String encoded = Signing.encode(force.getPublic());
        assertThat(Signing.publicKey(encoded)).isEqualTo(force.getPublic());
        assertThat(Signing.fingerprint(encoded)).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");
        assertThatThrownBy(() -> Signing.publicKey("AAAA")).hasMessageContaining("not an Ed25519 public key");
    }
}
