package org.soteria.network;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.soteria.platform.HubMode;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In hub mode the instance holds no crimes: only the hub's pages and API, sign-in, accounts and the audit
 * log answer; every force page is "not found". The home page is the hub's.
 */
@Component
@HubMode
class HubModeFilter extends OncePerRequestFilter {

    /** Each path that answers in hub mode, with everything under it. */
    private static final List<String> OPEN = List.of("/hub", "/api/v1/network", "/login", "/logout", "/sign-in",
            "/account", "/audit", "/assets", "/css", "/js", "/favicon.ico", "/error", "/actuator/health", "/oauth2");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            response.sendRedirect("/hub");
            return;
        }
        for (String open : OPEN) {
            if (path.equals(open) || path.startsWith(open + "/")) {
                chain.doFilter(request, response);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
