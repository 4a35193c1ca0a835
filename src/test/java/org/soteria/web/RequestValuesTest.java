package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class RequestValuesTest {

    @Test
    void pagesDefaultToOne() {
        assertThat(RequestValues.page(null)).isEqualTo(1);
        assertThat(RequestValues.page("abc")).isEqualTo(1);
        assertThat(RequestValues.page("-3")).isEqualTo(1);
        assertThat(RequestValues.page(" 7 ")).isEqualTo(7);
    }

    @Test
    void anIdThatIsNotANumberIsNotFound() {
        assertThat(RequestValues.id("42")).isEqualTo(42L);
        assertThatThrownBy(() -> RequestValues.id("abc")).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("404");
    }
}
