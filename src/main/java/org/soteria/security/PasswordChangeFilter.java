package org.soteria.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a user has replaced a password an administrator set, every page leads to the page that changes it (signing
 * out, the page's own assets and error pages aside). The session carries the mark, set at sign-in.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    static final String MUST_CHANGE = PasswordChangeFilter.class.getName() + ".mustChange";
    static final String PAGE = "/account/password";
    private static final List<String> ALLOWED = List.of(PAGE, "/logout", "/assets/", "/css/", "/js/", "/error",
            "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE))) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (ALLOWED.stream().noneMatch(path::startsWith)) {
                response.sendRedirect(PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
