package org.soteria.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tests only: every page names the template it was rendered from in a response header, so that the Welsh walk
 * ({@code WelshWalkBrowserIT}) knows which pages are still on the list of templates not yet bilingual. Registered
 * for every test context through the test classpath's AutoConfiguration.imports, so that no context differs
 * from another because of it.
 */
@AutoConfiguration
@ConditionalOnWebApplication
public class TemplateNameHeader implements WebMvcConfigurer {

    public static final String HEADER = "X-Soteria-Template";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView view) {
                if (view != null && view.getViewName() != null && !view.getViewName().contains(":")
                        && !response.isCommitted()) {
                    response.setHeader(HEADER, view.getViewName());
                }
            }
        });
    }
}
