package org.soteria.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session store in PostgreSQL. Requests of one session can run at once (tabs opened together after
 * sign-in); each may add the same attribute the session did not have when it was read (the form token), and
 * the store's plain insert then failed every request but the first with a server error. An attribute is
 * therefore written with an upsert: the last request's value stands, as it would for an update.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    static final String UPSERT_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesWrittenByUpsert() {
        return repository -> repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
    }
}
