package org.soteria.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** AES-GCM field encryption: round trip, binding to record and column, tamper detection, rotation, search hashes. */
class FieldCipherTest {

    private static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    private static FieldCipher cipher(String keys) {
        return new FieldCipher(new MockEnvironment().withProperty("soteria.encryption.keys", keys)
                .withProperty("soteria.encryption.index-key", key(9)));
    }

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        FieldCipher c = cipher("k1:" + key(1));
        String a = c.encrypt("Sarah Winterbottom", "person/NWP/P1/family_name");
        String b = c.encrypt("Sarah Winterbottom", "person/NWP/P1/family_name");
        assertThat(a).startsWith("v1.k1.").doesNotContain("Sarah").isNotEqualTo(b);
        assertThat(c.decrypt(a, "person/NWP/P1/family_name")).isEqualTo("Sarah Winterbottom");
        assertThat(c.encrypt(null, "x")).isNull();
        assertThat(c.decrypt(null, "x")).isNull();
        assertThat(c.decrypt(c.encrypt("Zoë 😀", "ctx"), "ctx")).isEqualTo("Zoë 😀");
    }

    @Test
    void aValueMovedToAnotherRecordOrColumnOrAlteredIsRefused() {
        FieldCipher c = cipher("k1:" + key(1));
        String v = c.encrypt("07700 900123", "person/NWP/P1/phone");
        assertThatThrownBy(() -> c.decrypt(v, "person/NWP/P2/phone")).hasMessageContaining("integrity");
        assertThatThrownBy(() -> c.decrypt(v, "person/NWP/P1/email")).hasMessageContaining("integrity");
        // A character in the middle carries only ciphertext bits (one near the end may be padding, unchecked).
        int mid = v.length() / 2;
        String flipped = v.substring(0, mid) + (v.charAt(mid) == 'A' ? 'B' : 'A') + v.substring(mid + 1);
        assertThatThrownBy(() -> c.decrypt(flipped, "person/NWP/P1/phone")).hasMessageContaining("integrity");
        assertThatThrownBy(() -> c.decrypt("Sarah", "person/NWP/P1/phone")).hasMessageContaining("not in the encrypted");
    }

    @Test
    void oldKeysStillDecryptAfterRotationAndNewValuesUseTheNewKey() {
        FieldCipher before = cipher("k1:" + key(1));
        String old = before.encrypt("Tom", "ctx");
        FieldCipher after = cipher("k2:" + key(2) + ",k1:" + key(1));
        assertThat(after.decrypt(old, "ctx")).isEqualTo("Tom");
        assertThat(FieldCipher.keyIdOf(after.encrypt("Tom", "ctx"))).isEqualTo("k2");
        FieldCipher withoutOld = cipher("k2:" + key(2));
        assertThatThrownBy(() -> withoutOld.decrypt(old, "ctx")).hasMessageContaining("key 'k1'");
    }

    @Test
    void searchHashesIgnoreCaseAccentsAndPunctuationButNotTheKey() {
        FieldCipher c = cipher("k1:" + key(1));
        assertThat(FieldCipher.normaliseName("  O'Brien-Smith ")).isEqualTo("obriensmith");
        assertThat(FieldCipher.normaliseName("Zoë")).isEqualTo("zoe");
        assertThat(c.index(FieldCipher.normaliseName("ZOË"))).isEqualTo(c.index(FieldCipher.normaliseName("zoe")))
                .hasSize(64);
        assertThat(c.index("")).isNull();
        FieldCipher otherIndexKey = new FieldCipher(new MockEnvironment()
                .withProperty("soteria.encryption.keys", "k1:" + key(1))
                .withProperty("soteria.encryption.index-key", key(8)));
        assertThat(otherIndexKey.index("zoe")).isNotEqualTo(c.index("zoe"));
    }

    @Test
    void badKeyConfigurationIsExplained() {
        assertThatThrownBy(() -> cipher("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> cipher("nocolon")).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> cipher("k1:%%%")).hasMessageContaining("not base64");
    }
}
