package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session cookie is Secure unless Soteria serves plain HTTP on a loopback address, or is told otherwise. */
class SessionCookieTest {

    @Test
    void secureByDefault() {
        assertThat(SessionStoreConfig.secureCookie(null, null, false)).as("all interfaces, plain HTTP").isTrue();
        assertThat(SessionStoreConfig.secureCookie(null, "0.0.0.0", false)).isTrue();
        assertThat(SessionStoreConfig.secureCookie(null, "10.1.2.3", false)).isTrue();
        assertThat(SessionStoreConfig.secureCookie(null, "127.0.0.1", true)).as("TLS even on loopback").isTrue();
    }

    @Test
    void offOnlyForPlainHttpOnLoopbackOrWhenConfigured() {
        assertThat(SessionStoreConfig.secureCookie(null, "127.0.0.1", false)).isFalse();
        assertThat(SessionStoreConfig.secureCookie(null, "::1", false)).isFalse();
        assertThat(SessionStoreConfig.secureCookie(null, "localhost", false)).isFalse();
        assertThat(SessionStoreConfig.secureCookie(false, "10.1.2.3", false)).isFalse();
        assertThat(SessionStoreConfig.secureCookie(true, "127.0.0.1", false)).isTrue();
    }
}
