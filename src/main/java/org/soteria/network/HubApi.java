package org.soteria.network;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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

    /** The header in which a force names itself before its file is read. */
    public static final String SENDER_HEADER = "Soteria-Sender";
    /** Requests a minute from one address, unless {@code soteria.network.requests-per-minute} says otherwise. */
    static final int RATE_PER_MINUTE = 30;
    /** Where forces pull the files the hub publishes. */
    static final String FRAMEWORKS = "/api/v1/network/frameworks";
    static final String CATALOGUE = "/api/v1/network/catalogue";
    static final String NATIONAL_GUIDANCE = "/api/v1/network/guidance";

    private final HubService hub;
    private final RateLimiter limiter;
    private final int rate;

    private final org.soteria.web.form.FormMessages messages;
    private final NationalFrameworks frameworks;
    private final NationalCatalogue national;
    private final org.soteria.workforce.CourseCatalogue catalogue;
    private final NationalPractice guidance;

    HubApi(HubService hub, org.soteria.web.form.FormMessages messages, NationalFrameworks frameworks,
            NationalCatalogue national, org.soteria.workforce.CourseCatalogue catalogue, NationalPractice guidance,
            @org.springframework.beans.factory.annotation.Value("${soteria.network.requests-per-minute:"
                    + RATE_PER_MINUTE + "}") int rate) {
        this.rate = rate;
        this.limiter = new RateLimiter(rate, java.time.Duration.ofMinutes(1));
        this.hub = hub;
        this.frameworks = frameworks;
        this.national = national;
        this.catalogue = catalogue;
        this.guidance = guidance;
        this.messages = messages;
    }

    @GetMapping(value = "/api/v1/network/hub", produces = MediaType.APPLICATION_JSON_VALUE)
    Messages.HubInfo info() {
        return hub.info();
    }

    /** The national assessment frameworks, signed by the hub: public (a force checks them against the hub's key). */
    @GetMapping(value = FRAMEWORKS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> frameworks(HttpServletRequest request) {
        return published(request, () -> Optional.of(frameworks.signedFile()), "frameworks");
    }

    /** The national training catalogue's latest version, signed by the hub: public, as the frameworks are. */
    @GetMapping(value = CATALOGUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> catalogue(HttpServletRequest request) {
        return published(request, () -> catalogue.latest().map(c -> national.signedFile()), "training catalogue");
    }

    /** The practice library's latest version as national guidance, signed by the hub (ADR 40): public too. */
    @GetMapping(value = NATIONAL_GUIDANCE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> guidance(HttpServletRequest request) {
        return published(request, guidance::signedFile, "practice");
    }

    /** A file the hub publishes for forces, within the rate limit; a problem document when there is none yet. */
    private ResponseEntity<?> published(HttpServletRequest request, Supplier<Optional<String>> file, String what) {
        if (!limiter.allow(request.getRemoteAddr())) {
            return tooMany();
        }
        Optional<String> signed = file.get();
        if (signed.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Nothing published yet", "The hub has published no " + what + " yet",
                    Map.of());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(signed.get());
    }

    private ResponseEntity<ProblemDetail> tooMany() {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "This address has sent more than " + rate
                + " requests in a minute: wait and send again", Map.of());
    }

    @PostMapping(value = "/api/v1/network/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> register(HttpServletRequest request) throws IOException {
        if (!limiter.allow(request.getRemoteAddr())) {
            return tooMany();
        }
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
            // The network's API speaks English (ADR 22): the faults in English words, not message codes.
            Map<String, String> errors = messages.localised(e.errors(), java.util.Locale.UK);
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Registration refused",
                    String.join("; ", errors.values()), Map.of("errors", errors));
        }
    }

    @PostMapping(value = "/api/v1/network/envelopes", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        if (!limiter.allow(request.getRemoteAddr())) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many files", "This address has sent more than "
                    + rate + " requests in a minute: wait and send again", Map.of());
        }
        // Nothing is read from a sender the hub does not know: the force is named before the file, and only an
        // approved force's files are read at all, up to the size limit, and checked against its key before parsing.
        String sender = request.getHeader(SENDER_HEADER);
        if (sender == null || sender.isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "Sender not named", "Name the sending force in the "
                    + SENDER_HEADER + " header (Soteria does this itself)", Map.of("reason", "MALFORMED"));
        }
        var key = hub.approvedKey(sender.strip());
        if (key.isEmpty()) {
            return problem(HttpStatus.FORBIDDEN, "File refused", sender.strip() + " is not registered with this hub "
                    + "or not yet approved", Map.of("reason", "UNKNOWN_SENDER", "accepted", false));
        }
        if (request.getContentLengthLong() < 0) {
            return problem(HttpStatus.LENGTH_REQUIRED, "Length needed", "Send the file with a Content-Length",
                    Map.of());
        }
        String body = read(request, MAX_BYTES);
        if (body == null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", "Files must be under 96 MB", Map.of());
        }
        Messages.Answer answer = hub.receiveFrom(body, sender.strip(), key.get());
        if (answer.accepted()) {
            return ResponseEntity.ok(answer);
        }
        Envelope.Reason reason = Envelope.Reason.valueOf(answer.reason());
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        extra.put("reason", answer.reason());
        extra.put("accepted", false);
        if (answer.receipt() != null) {
            extra.put("receipt", answer.receipt());
        }
        return problem(HttpStatus.valueOf(reason.status()), "File refused", answer.detail(), extra);
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
