package org.soteria.web;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for security tests: keeps cookies, does not follow redirects, and sends
 * forms with the CSRF token of the last page it read.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public WebClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** Posts a form with the CSRF token of the last page read (fetching one from /login if none yet). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        if (csrf == null) {
            get("/login");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf);
        return postRaw(path, withToken);
    }

    /** Posts exactly these fields: no CSRF token is added. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** The password step; returns where sign-in sent the user next. */
    public String signIn(String username, String password) {
        get("/login");
        HttpResponse<String> r = post("/login", Map.of("username", username, "password", password));
        String location = location(r);
        if (!location.isEmpty()) {
            get(location);
        }
        return location;
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SOTERIA_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String location(HttpResponse<?> r) {
        String l = r.headers().firstValue("Location").orElse("");
        return l.replaceFirst("^https?://[^/]+", "");
    }

    /** A download, as bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends this header with every later request (as a proxy, or a client pretending to be one, would). */
    public WebClient withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            if (!extraHeaders.isEmpty()) {
                HttpRequest.Builder b = HttpRequest.newBuilder(request, (n, v) -> true);
                extraHeaders.forEach(b::header);
                request = b.build();
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
