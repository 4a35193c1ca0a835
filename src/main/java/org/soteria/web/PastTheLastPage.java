package org.soteria.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page number past the end of a list ("Page 41 of 40", from an old link or a list that has shrunk) goes to the
 * last page instead of an empty one; any paged page that puts {@code page} and {@code pages} in its model.
 */
@Component
public class PastTheLastPage implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || !"GET".equals(request.getMethod()) || view.getViewName() == null
                || view.getViewName().startsWith("redirect:")) {
            return;
        }
        if (view.getModel().get("page") instanceof Integer page && view.getModel().get("pages") instanceof Integer pages
                && pages >= 1 && page > pages) {
            String last = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam("page", pages).build().toUriString();
            view.clear();
            view.setViewName("redirect:" + last);
        }
    }
}
