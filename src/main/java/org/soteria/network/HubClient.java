package org.soteria.network;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * A force's calls to its hub, over HTTPS (plain HTTP only to this machine, for tests and a hub on the same
 * host). Every failure comes back as a message a force lead can act on.
 */
final class HubClient {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** A call that did not work, with the reason in words. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    HubClient(String hubUrl) {
        this.base = checked(hubUrl);
    }

    /** The hub's address if it is one a force may use, else an exception saying why not. */
    static URI checked(String hubUrl) {
        URI uri;
        try {
            uri = URI.create(hubUrl.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Enter the hub's address, like https://hub.example.police.uk");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("Enter the hub's full address, like https://hub.example.police.uk");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean localHttp = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!https && !localHttp) {
            throw new IllegalArgumentException("The hub's address must start with https:// (plain http is allowed only "
                    + "to this machine)");
        }
        return uri;
    }

    Messages.HubInfo info() {
        return read(send(HttpRequest.newBuilder(base.resolve(base.getPath() + "/api/v1/network/hub")).GET()),
                Messages.HubInfo.class);
    }

    String register(Messages.Registration r) {
        HttpResponse<String> response = send(json(base.getPath() + "/api/v1/network/registrations",
                Envelope.JSON.writeValueAsString(r)));
        if (response.statusCode() != 200) {
            throw new Failed("The hub refused the registration: " + detail(response));
        }
        return response.body();
    }

    /** Sends a signed file, naming its force first: the hub reads nothing from a sender it has not approved. */
    Messages.Answer deliver(String envelope, String sender) {
        HttpResponse<String> response = send(json(base.getPath() + "/api/v1/network/envelopes", envelope)
                .header(HubApi.SENDER_HEADER, sender));
        if (response.statusCode() >= 500) {
            throw new Failed("The hub could not take the file (HTTP " + response.statusCode() + "): try again later");
        }
        return read(response, Messages.Answer.class);
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failed("Cannot reach the hub at " + base + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + ". If the force's network blocks calls out, download the file and upload it at the hub");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted while calling the hub");
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return Envelope.JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new Failed("The hub's answer was not understood (HTTP " + response.statusCode() + ")");
        }
    }

    private static String detail(HttpResponse<String> response) {
        try {
            var node = Envelope.JSON.readTree(response.body());
            if (node.has("detail")) {
                return node.get("detail").asString();
            }
        } catch (JacksonException e) {
            // not a problem document
        }
        return "HTTP " + response.statusCode();
    }
}
