package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against the test vectors of RFC 6238 appendix B, and the rules Soteria adds (drift, no reuse). */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void matchesTheRfc6238Vectors(long unixTime, String expected) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(unixTime)), 8)).isEqualTo(expected);
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.decodeBase32("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        String secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
    }

    @Test
    void acceptsOneStepOfDriftEachWayAndNoMore() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now), now, null)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(30)), now, null)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(30)), now, null)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.minusSeconds(60)), now, null)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, now.plusSeconds(60)), now, null)).isEmpty();
    }

    @Test
    void aCodeCannotBeUsedTwice() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(secret, now);
        long used = Totp.matchingStep(secret, code, now, null).getAsLong();
        assertThat(Totp.matchingStep(secret, code, now, used)).isEmpty();
    }

    @Test
    void rejectsMalformedCodes() {
        String secret = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(Totp.matchingStep(secret, "12345", now, null)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now, null)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now, null)).isEmpty();
        String spaced = Totp.code(secret, now);
        assertThat(Totp.matchingStep(secret, spaced.substring(0, 3) + " " + spaced.substring(3), now, null))
                .isPresent();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("Soteria NWP", "j.smith", "MZXW6YTBOI")).isEqualTo(
                "otpauth://totp/Soteria%20NWP:j.smith?secret=MZXW6YTBOI&issuer=Soteria%20NWP&algorithm=SHA1"
                        + "&digits=6&period=30");
    }
}
