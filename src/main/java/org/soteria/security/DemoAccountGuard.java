package org.soteria.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Disables demo accounts whenever Soteria starts outside demo mode. */
@Component
@ConditionalOnProperty(name = "soteria.demo", havingValue = "false", matchIfMissing = true)
public class DemoAccountGuard implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccountGuard.class);

    private final UserService users;

    public DemoAccountGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        int disabled = users.disableDemoAccounts();
        if (disabled > 0) {
            LOG.warn("Not in demo mode: {} demo accounts disabled", disabled);
        }
    }
}
