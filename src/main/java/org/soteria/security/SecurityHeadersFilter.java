package org.soteria.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.soteria.audit.AuditService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every response: a Content-Security-Policy whose only script sources are Soteria's own
 * files and a fresh nonce per response (no 'unsafe-inline'), HSTS, and the request id that the audit
 * log records (X-Request-Id), so an audit record can be matched to the server's logs.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    /** Request attribute with this response's CSP nonce, for any script element a template must carry. */
    static final String NONCE = "cspNonce";

    private final SecureRandom random = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        String requestId = UUID.randomUUID().toString();
        request.setAttribute(AuditService.REQUEST_ID, requestId);
        response.setHeader("X-Request-Id", requestId);
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; "
                + "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'");
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
