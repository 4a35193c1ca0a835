package org.soteria.network;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.soteria.platform.Fault;
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
            throw new IllegalArgumentException("{networkError.enterHubAddress}");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("{networkError.enterHubFullAddress}");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean localHttp = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!https && !localHttp) {
            throw new IllegalArgumentException("{networkError.hubAddressHttps}");
        }
        return uri;
    }

    Messages.HubInfo info() {
        return read(send(HttpRequest.newBuilder(base.resolve(base.getPath() + "/api/v1/network/hub")).GET()),
                Messages.HubInfo.class);
    }

    /** A file the hub signs for forces, at {@code path}, as text (checked by the force against the hub's key). */
    String published(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(base.getPath() + path)).GET());
        if (response.statusCode() != 200) {
            throw new Failed(Fault.of("networkError.hubGaveNoFile", response.statusCode()));
        }
        return response.body();
    }

    String register(Messages.Registration r) {
        HttpResponse<String> response = send(json(base.getPath() + "/api/v1/network/registrations",
                Envelope.JSON.writeValueAsString(r)));
        if (response.statusCode() != 200) {
            throw new Failed(Fault.of("networkError.hubRefusedRegistration", detail(response)));
        }
        return response.body();
    }

    /** Sends a signed file, naming its force first: the hub reads nothing from a sender it has not approved. */
    Messages.Answer deliver(String envelope, String sender) {
        HttpResponse<String> response = send(json(base.getPath() + "/api/v1/network/envelopes", envelope)
                .header(HubApi.SENDER_HEADER, sender));
        if (response.statusCode() >= 500) {
            throw new Failed(Fault.of("networkError.hubCouldNotTakeFile", response.statusCode()));
        }
        if (response.statusCode() == 429) {
            throw new Failed("{networkError.hubTooManyRequests}");
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
            throw new Failed(Fault.of("networkError.cannotReachHub", base, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("{networkError.interrupted}");
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return Envelope.JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new Failed(Fault.of("networkError.hubAnswerNotUnderstood", response.statusCode()));
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
