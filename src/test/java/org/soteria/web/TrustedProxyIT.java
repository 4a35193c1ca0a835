package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.security.Role;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Behind a named proxy, the client's own address (from X-Forwarded-For) is the one throttled and logged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:proxy", "soteria.trusted-proxies=127.0.0.1"})
class TrustedProxyIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNamedProxysForwardedAddressIsTheClients() {
        users.createAccount("test", new UserService.NewAccount("proxied", "Proxied", Role.ANALYST, "NWP", null,
                List.of(), List.of()));
        new WebClient(port).withHeader("X-Forwarded-For", "198.51.100.77").signIn("proxied", "wrong");
        assertThat(jdbc.sql("select source_address from sign_in_attempt where username = 'proxied'")
                .query(String.class).single()).isEqualTo("198.51.100.77");
    }
}
