package org.soteria.support;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's message bundles as the running application reads them, for tests outside a Spring context. */
public final class MessageBundles {

    private MessageBundles() {
    }

    public static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
