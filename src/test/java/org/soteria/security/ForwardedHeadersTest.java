package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Trusted proxies are exact addresses, matched exactly. */
class ForwardedHeadersTest {

    @Test
    void exactAddressesOnly() {
        List<String> proxies = ForwardedHeaders.addresses(" 10.0.0.5, ::1 ,");
        assertThat(proxies).containsExactly("10.0.0.5", "0:0:0:0:0:0:0:1");
        String pattern = ForwardedHeaders.pattern(proxies);
        assertThat("10.0.0.5".matches(pattern)).isTrue();
        assertThat("10.0.0.55".matches(pattern)).as("no partial match").isFalse();
        assertThat("10a0a0a5".matches(pattern)).as("dots are literal").isFalse();
        assertThat(ForwardedHeaders.addresses("")).isEmpty();
    }

    @Test
    void namesAndRangesAreRefused() {
        assertThatThrownBy(() -> ForwardedHeaders.addresses("proxy.example.org"))
                .hasMessageContaining("must list IP addresses").hasMessageContaining("proxy.example.org");
        assertThatThrownBy(() -> ForwardedHeaders.addresses("10.0.0.0/8")).hasMessageContaining("10.0.0.0/8");
    }
}
