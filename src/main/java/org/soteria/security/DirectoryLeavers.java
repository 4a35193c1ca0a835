package org.soteria.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, revokes the API tokens of directory accounts unseen for {@code soteria.oidc.leaver-after} (30 days
 * by default): someone who left the force loses their directory account, but a token made in Soteria would go on.
 */
@Component
class DirectoryLeavers {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLeavers.class);

    private final ApiTokenService tokens;
    private final Duration unseen;

    DirectoryLeavers(ApiTokenService tokens, @Value("${soteria.oidc.leaver-after:P30D}") Duration unseen) {
        this.tokens = tokens;
        this.unseen = unseen;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "P1D")
    void daily() {
        int n = tokens.revokeDirectoryLeavers(unseen);
        if (n > 0) {
            LOG.info("Revoked {} API tokens of directory accounts not signed in for {} days", n, unseen.toDays());
        }
    }
}
