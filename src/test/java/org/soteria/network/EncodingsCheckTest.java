package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.pprl.BloomEncoder;

/** The hub refuses encodings it cannot compare, before any is stored or matched, saying why. */
class EncodingsCheckTest {

    private final BloomEncoder encoder = new BloomEncoder("the release secret agreed by the forces");
    private final String filters = BloomEncoder.toBase64(encoder.encode("Gareth", "Llewellyn", "1984-03-17", "LL57 2DG", null));
    private final String token = "0123456789abcdef0123456789abcdef";

    private Messages.Encodings encodings(String scheme, List<Messages.Encodings.Item> items) {
        return new Messages.Encodings(scheme, encoder.keyId(), BloomEncoder.BITS, BloomEncoder.FIELDS, items);
    }

    @Test
    void encodingsOfThisSchemeAreReadBack() {
        var records = EncodingsCheck.records(encodings(BloomEncoder.SCHEME,
                List.of(new Messages.Encodings.Item(token, filters))));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.token()).isEqualTo(token);
            assertThat(BloomEncoder.toBase64(r.filters())).isEqualTo(filters);
        });
    }

    @Test
    void anOlderSchemeABadTokenOrBadFiltersAreRefusedNamingTheRecord() {
        List<Messages.Encodings.Item> one = List.of(new Messages.Encodings.Item(token, filters));
        assertThatThrownBy(() -> EncodingsCheck.records(encodings(null, one)))
                .hasMessageContaining("must follow soteria-pprl-2").hasMessageContaining("update Soteria at the force");
        assertThatThrownBy(() -> EncodingsCheck.records(encodings("soteria-pprl-1", one)))
                .hasMessageContaining("must follow soteria-pprl-2");
        assertThatThrownBy(() -> EncodingsCheck.records(encodings(BloomEncoder.SCHEME,
                List.of(new Messages.Encodings.Item(token, filters), new Messages.Encodings.Item(token, filters)))))
                .hasMessageContaining("Record 2: the token must be 32 hex digits and appear once");
        assertThatThrownBy(() -> EncodingsCheck.records(encodings(BloomEncoder.SCHEME,
                List.of(new Messages.Encodings.Item(token, "AAAA")))))
                .hasMessageContaining("Record 1: the filters are expected 5 filters");
        assertThatThrownBy(() -> EncodingsCheck.records(new Messages.Encodings(BloomEncoder.SCHEME, "not-a-key",
                BloomEncoder.BITS, BloomEncoder.FIELDS, one))).hasMessageContaining("no valid key id");
    }
}
