package org.soteria.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend and MoJ Frontend from their webjars (GOV.UK's CSS expects its fonts and images under
 * /assets/), and sends a page number past the end of a list to its last page.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private static final String GOVUK = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";
    private static final String MOJ = "classpath:/META-INF/resources/webjars/ministryofjustice__frontend/7.1.0/moj/";

    private final PastTheLastPage pastTheLastPage;

    public WebConfig(PastTheLastPage pastTheLastPage) {
        this.pastTheLastPage = pastTheLastPage;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(pastTheLastPage);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/govuk/**").addResourceLocations(GOVUK).setCachePeriod(86400);
        registry.addResourceHandler("/assets/moj/**").addResourceLocations(MOJ).setCachePeriod(86400);
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK + "assets/").setCachePeriod(86400);
        registry.addResourceHandler("/favicon.ico").addResourceLocations(GOVUK + "assets/rebrand/images/")
                .setCachePeriod(86400);
    }
}
