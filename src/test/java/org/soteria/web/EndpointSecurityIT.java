package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Deny by default, proven: every page the application maps needs a signed-in user, except the few open ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
class EndpointSecurityIT {

    /** Pages anyone may open: sign-in, errors, and the victim's feedback form (its single-use link is the key). */
    private static final Set<String> OPEN = Set.of("/login", "/error", "/feedback/{token}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "text/html");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyMappedPathRedirectsAnAnonymousVisitorToSignIn() throws Exception {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(paths::add));
        assertThat(paths).contains("/cases", "/cases/{id}", "/imports", "/imports/{id}", "/imports/{id}/report.csv");
        for (String pattern : paths) {
            String path = pattern.replaceAll("\\{[^}]+}", "1");
            HttpResponse<String> r = get(path);
            if (OPEN.contains(pattern)) {
                continue;
            }
            if (pattern.startsWith("/api/")) {
                assertThat(r.statusCode()).as(path).isEqualTo(401);
                continue;
            }
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
    }

    @Test
    void theFeedbackFormNeedsAValidLinkAndNothingElseUnderItIsOpen() throws Exception {
        assertThat(get("/feedback/not-a-real-token").statusCode()).as("an unknown link").isEqualTo(404);
        assertThat(get("/feedback/x/y").statusCode()).as("only one path segment is open").isEqualTo(302);
        assertThat(get("/feedback").statusCode()).isEqualTo(302);
    }

    @Test
    void unmappedPathsAreRefusedToo() throws Exception {
        assertThat(get("/admin/secret").statusCode()).isEqualTo(302);
        assertThat(get("/api/v1/anything").statusCode()).as("the API answers 401, never a sign-in page").isEqualTo(401);
    }

    @Test
    void healthAndStaticAssetsAreOpen() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/assets/govuk/govuk-frontend.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/assets/moj/moj-frontend.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(302);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(302);
    }
}
