package org.soteria.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The name index's keyed hash (SipHash-2-4, checked against its reference vectors) and its named, rotatable keys. */
class SearchKeysTest {

    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    private static byte[] counting(int n) {
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            m[i] = (byte) i;
        }
        return m;
    }

    @Test
    void sipHashGivesTheReferenceVectors() {
        // From the SipHash paper's reference implementation (vectors.h): key 00..0f, message 00..(n-1).
        assertThat(SearchKeys.sipHash24(K0, K1, counting(0))).isEqualTo(0x726fdb47dd0e0e31L);
        assertThat(SearchKeys.sipHash24(K0, K1, counting(1))).isEqualTo(0x74f839c593dc67fdL);
        assertThat(SearchKeys.sipHash24(K0, K1, counting(15))).isEqualTo(0xa129ca6149be45e5L);
    }

    private static FieldCipher cipher() {
        byte[] k = new byte[32];
        return new FieldCipher(new MockEnvironment()
                .withProperty("soteria.encryption.keys", "k1:" + Base64.getEncoder().encodeToString(k))
                .withProperty("soteria.encryption.index-key", Base64.getEncoder().encodeToString(new byte[32])));
    }

    @Test
    void keysAreNamedTheFirstIsCurrentAndEachHashesDifferently() {
        byte[] s1 = new byte[32];
        s1[0] = 1;
        SearchKeys both = new SearchKeys(new MockEnvironment().withProperty("soteria.encryption.search-keys",
                "s1:" + Base64.getEncoder().encodeToString(s1) + ", s0"), cipher());
        assertThat(both.current()).isEqualTo("s1");
        assertThat(both.ids()).containsExactly("s1", "s0");
        assertThat(both.hash("s1", "p|sa")).isNotEqualTo(both.hash("s0", "p|sa"));
        SearchKeys derived = new SearchKeys(new MockEnvironment(), cipher());
        assertThat(derived.ids()).containsExactly(SearchKeys.DERIVED);
        assertThat(derived.hash("s0", "p|sa")).as("the derived key is the same wherever it is derived")
                .isEqualTo(both.hash("s0", "p|sa"));
        assertThat(derived.hash("s0", "p|sa")).isNotEqualTo(derived.hash("s0", "p|sb"));
    }

    @Test
    void aBadKeySaysWhatIsWrong() {
        assertThatThrownBy(() -> new SearchKeys(new MockEnvironment().withProperty("soteria.encryption.search-keys",
                "s1:AAAA"), cipher())).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new SearchKeys(new MockEnvironment().withProperty("soteria.encryption.search-keys",
                "s 1:AAAA"), cipher())).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> new SearchKeys(new MockEnvironment().withProperty("soteria.encryption.search-keys",
                "s1:%%%"), cipher())).hasMessageContaining("not base64");
    }
}
