package org.soteria.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API request from its {@code Authorization: Bearer} personal access token. A token that
 * is unknown, expired or revoked is refused at once with a problem document, and the attempt logged.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final AuditService audit;

    BearerTokenFilter(ApiTokenService tokens, AuditService audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<ApiTokenService.Bearer> bearer = tokens.authenticate(header.substring(7).trim());
            if (bearer.isEmpty()) {
                audit.record(AuditEntry.of("unknown-token", null, AuditAction.SIGN_IN_FAILED, "api_token", null)
                        .detail("API request with an unknown, expired or revoked token: " + request.getRequestURI()));
                ApiProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Token not accepted",
                        "The token is unknown, expired or revoked. Create a new one on your account page.");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.get().user(), null,
                    bearer.get().authorities()));
            SecurityContextHolder.setContext(context);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
