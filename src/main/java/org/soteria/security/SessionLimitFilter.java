package org.soteria.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session {@link #ABSOLUTE_LIMIT} after it began, however active it has been; the idle limit
 * (15 minutes) is the session store's own timeout.
 */
final class SessionLimitFilter extends OncePerRequestFilter {

    static final Duration ABSOLUTE_LIMIT = Duration.ofHours(10);

    private final Clock clock;
    private final Duration limit;

    SessionLimitFilter(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > limit.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect("/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
