package org.soteria.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.platform.DataScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session store in PostgreSQL. Requests of one session can run at once (tabs opened together after
 * sign-in); each may add the same attribute the session did not have when it was read (the form token), and
 * the store's plain insert then failed every request but the first with a server error. An attribute is
 * therefore written with an upsert: the last request's value stands, as it would for an update. The store reads and
 * writes as nobody, on its own transactions, and reads attributes with the classes they name looked up once. And
 * the session's cookie.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    static final String UPSERT_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    /**
     * A session's row is rewritten only when something in it changed other than the time of its last request, or
     * when that time has moved on by a tenth of the idle timeout (at most a minute): every page otherwise rewrote the
     * row and its four indexes to move the clock by milliseconds. An idle session may therefore end up to a minute
     * early, never late. The parameters are Spring Session's, in its order.
     */
    static final String UPDATE_SESSION = """
            WITH v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id) AS (
              VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS VARCHAR),
                      CAST(? AS CHAR(36))))
            UPDATE %TABLE_NAME% s SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
              MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
            FROM v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.LAST_ACCESS_TIME >= LEAST(60000, v.max_inactive_interval * 100))
            """;

    private static final Logger LOG = LoggerFactory.getLogger(SessionStoreConfig.class);

    /**
     * The session store reads and writes as nobody (ADR 17): a session is read to find who is signed in, so reading it
     * in a user's scope would first read it again to find the user.
     */
    @Bean(defaultCandidate = false)
    @SpringSessionDataSource
    DataSource sessionDataSource(DataScope scope) {
        return scope.forNobody();
    }

    /** The session store's transactions, on its own data source (not a candidate for the application's own). */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(@SpringSessionDataSource DataSource sessions) {
        return new TransactionTemplate(new DataSourceTransactionManager(sessions));
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesWrittenByUpsert() {
        return repository -> {
            repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
            repository.setUpdateSessionQuery(UPDATE_SESSION);
            GenericConversionService attributes = new GenericConversionService();
            attributes.addConverter(Object.class, byte[].class, new SerializingConverter());
            attributes.addConverter(byte[].class, Object.class,
                    new DeserializingConverter(new SessionAttributeReader(SessionStoreConfig.class.getClassLoader())));
            repository.setConversionService(attributes);
        };
    }

    /**
     * The session cookie: HttpOnly, SameSite=Strict, and Secure unless Soteria serves plain HTTP on a loopback address
     * only (or {@code soteria.secure-cookies} says otherwise); start-up says which.
     */
    @Bean
    CookieSerializer sessionCookie(Environment env) {
        boolean secure = secureCookie(env.getProperty("soteria.secure-cookies", Boolean.class),
                env.getProperty("server.address"), env.getProperty("server.ssl.enabled", Boolean.class, false)
                        || env.getProperty("server.ssl.bundle") != null);
        if (secure) {
            LOG.info("Session cookie marked Secure: browsers send it over HTTPS only (or to http://localhost)");
        } else {
            LOG.warn("Session cookie NOT marked Secure ({}): use this only for plain HTTP on this machine",
                    env.getProperty("soteria.secure-cookies") != null ? "soteria.secure-cookies=false"
                            : "plain HTTP on the loopback address " + env.getProperty("server.address"));
        }
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("SOTERIA_SESSION");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Strict");
        cookie.setCookiePath("/");
        cookie.setUseSecureCookie(secure);
        return cookie;
    }

    /** Secure unless configured otherwise, or serving plain HTTP bound to a loopback address only. */
    static boolean secureCookie(Boolean configured, String serverAddress, boolean tls) {
        if (configured != null) {
            return configured;
        }
        if (tls || serverAddress == null || serverAddress.isBlank()) {
            return true;
        }
        try {
            return !InetAddress.getByName(serverAddress.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
