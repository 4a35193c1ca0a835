package org.soteria.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Who the client is, behind a proxy. The address of a request feeds the sign-in throttle and the audit log, so
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only from the proxies named in
 * {@code soteria.trusted-proxies} (SOTERIA_TRUSTED_PROXIES: their exact addresses, comma separated). Anyone else
 * sending them is ignored, and Spring's own handling, which believes any client
 * ({@code server.forward-headers-strategy}), is refused at start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ForwardedHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardedHeaders.class);

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesOnly(Environment env) {
        String strategy = env.getProperty("server.forward-headers-strategy", "none");
        if (!strategy.equalsIgnoreCase("none")) {
            throw new IllegalStateException("server.forward-headers-strategy=" + strategy + " believes forwarded "
                    + "headers from any client, who could then choose the address the sign-in throttle and the audit "
                    + "log see. Remove it and name your proxies in SOTERIA_TRUSTED_PROXIES (soteria.trusted-proxies).");
        }
        List<String> proxies = addresses(env.getProperty("soteria.trusted-proxies", ""));
        return factory -> {
            if (proxies.isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            valve.setInternalProxies(pattern(proxies));
            valve.setTrustedProxies(null);
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setProtocolHeaderHttpsValue("https");
            valve.setHostHeader("X-Forwarded-Host");
            valve.setPortHeader("X-Forwarded-Port");
            factory.addEngineValves(valve);
            LOG.info("Forwarded headers believed from {} only", proxies);
        };
    }

    /** The configured proxies as literal addresses; a name or a malformed address is refused with the reason. */
    static List<String> addresses(String configured) {
        List<String> out = new ArrayList<>();
        for (String part : configured.split(",")) {
            String a = part.trim();
            if (a.isEmpty()) {
                continue;
            }
            if (!a.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalStateException("soteria.trusted-proxies must list IP addresses, not names or ranges: '"
                        + a + "'");
            }
            try {
                out.add(InetAddress.getByName(a).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException("soteria.trusted-proxies: '" + a + "' is not an IP address", e);
            }
        }
        return out;
    }

    /** Tomcat's proxy setting is a regular expression: one that matches exactly these addresses. */
    static String pattern(List<String> addresses) {
        return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }
}
