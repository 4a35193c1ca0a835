package org.soteria.network;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.soteria.platform.HubMode;
import org.soteria.platform.Invalid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * The hub's API for forces (hub mode only). No account or token: a registration only asks to join, and a
 * file is accepted only when it verifies against the key the national team approved for its force.
 * Refusals are problem documents (RFC 9457) with the reason and the receipt number.
 */
@RestController
@HubMode
class HubApi {

    /** Read no further than this: encodings of 200,000 suspects take about 75 MB. */
    private static final int MAX_BYTES = 96 * 1024 * 1024;
    private static final int MAX_REGISTRATION_BYTES = 64 * 1024;

    private final HubService hub;

    HubApi(HubService hub) {
        this.hub = hub;
    }

    @GetMapping(value = "/api/v1/network/hub", produces = MediaType.APPLICATION_JSON_VALUE)
    Messages.HubInfo info() {
        return hub.info();
    }

    @PostMapping(value = "/api/v1/network/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> register(HttpServletRequest request) throws IOException {
        String body = read(request, MAX_REGISTRATION_BYTES);
        if (body == null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Registration too large", "A registration is under 64 KB",
                    Map.of());
        }
        Messages.Registration r;
        try {
            r = Envelope.JSON.readValue(body, Messages.Registration.class);
        } catch (JacksonException e) {
            return problem(HttpStatus.BAD_REQUEST, "Not a registration", "Send JSON with force, name, publicKey and "
                    + "contact: " + e.getOriginalMessage(), Map.of());
        }
        try {
            String fingerprint = hub.requestRegistration(r, "https", null);
            return ResponseEntity.ok(Map.of("status", "pending", "fingerprint", fingerprint, "detail",
                    "Registration received. The national team will check this fingerprint with the force before "
                            + "approving it."));
        } catch (Invalid e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Registration refused",
                    String.join("; ", e.errors().values()), Map.of("errors", e.errors()));
        }
    }

    @PostMapping(value = "/api/v1/network/envelopes", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        String body = read(request, MAX_BYTES);
        if (body == null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", "Files must be under 96 MB", Map.of());
        }
        Messages.Answer answer = hub.receive(body, "https", null);
        if (answer.accepted()) {
            return ResponseEntity.ok(answer);
        }
        Envelope.Reason reason = Envelope.Reason.valueOf(answer.reason());
        return problem(HttpStatus.valueOf(reason.status()), "File refused", answer.detail(),
                Map.of("reason", answer.reason(), "receipt", answer.receipt(), "accepted", false));
    }

    /** The request body as text, or null when it is longer than {@code max} bytes (never read further). */
    private static String read(HttpServletRequest request, int max) throws IOException {
        if (request.getContentLengthLong() > max) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(max + 1);
        return body.length > max ? null : new String(body, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            Map<String, Object> extra) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        extra.forEach(p::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
