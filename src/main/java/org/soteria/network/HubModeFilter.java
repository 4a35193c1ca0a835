package org.soteria.network;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.soteria.platform.HubMode;
import org.soteria.security.EndpointRules;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In hub mode the instance holds no crimes: the force's features and their routes do not exist (they are
 * {@code @ForceMode}), so a path that no route of the hub names is "not found" rather than refused (this
 * filter runs before Spring Security's, which would refuse it). The home page is the hub's.
 */
@Component
@HubMode
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class HubModeFilter extends OncePerRequestFilter {

    private final EndpointRules endpoints;

    HubModeFilter(EndpointRules endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            // The language asked for goes with it: the start page is where the switch is first used.
            String lang = request.getParameter("lang");
            response.sendRedirect(lang != null && org.soteria.platform.Language.of(lang).isPresent()
                    ? "/hub?lang=" + lang.strip().toLowerCase(java.util.Locale.ROOT) : "/hub");
            return;
        }
        if (path.equals("/logout") || endpoints.routed(path)) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
