package io.syncwatch.platform.adapter.in.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.application.PlatformProperties;
import io.syncwatch.platform.application.port.in.FirstAdmin.Outcome;
import io.syncwatch.platform.application.port.in.FirstAdmin;

/**
 * At start-up of a real deployment (not the demo): with {@code SYNCWATCH_BOOTSTRAP_ADMIN_EMAIL}
 * (+ {@code SYNCWATCH_BOOTSTRAP_ACCOUNT_NAME}) on an empty database, creates the first account and
 * admin once and logs the one-time set-password link; later starts change nothing. Without the
 * variables, an empty database gets one log line saying how to create the first admin.
 */
@Component
@Profile("!demo")
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdminAtStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminAtStartup.class);

    static final String HOW_TO = "No user exists yet. To create the first admin, set SYNCWATCH_BOOTSTRAP_ADMIN_EMAIL "
            + "(and SYNCWATCH_BOOTSTRAP_ACCOUNT_NAME) and restart, or run: java -jar syncwatch.jar bootstrap-admin "
            + "--email=<address> [--account=<name>]";

    private final FirstAdmin firstAdmin;
    private final String email;
    private final String accountName;

    @Autowired
    FirstAdminAtStartup(FirstAdmin firstAdmin, PlatformProperties properties) {
        this(firstAdmin, properties.bootstrap().adminEmail(), properties.bootstrap().accountName());
    }

    FirstAdminAtStartup(FirstAdmin firstAdmin, String email, String accountName) {
        this.firstAdmin = firstAdmin;
        this.email = email;
        this.accountName = accountName;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (BootstrapAdminCommand.requested(args)) {
            return; // the command does it
        }
        if (email.isBlank()) {
            if (firstAdmin.needed()) {
                log.warn(HOW_TO);
            }
            return;
        }
        if (!firstAdmin.needed()) {
            log.info("SYNCWATCH_BOOTSTRAP_ADMIN_EMAIL is set but users exist already: nothing changed");
            return;
        }
        if (firstAdmin.bootstrap(email, accountName) instanceof Outcome.Created created) {
            log.warn("First admin {} created in account '{}'. They set their password with this one-time link "
                    + "(valid until {}, single use): {}", created.email(), created.accountName(), created.expiresAt(),
                    created.link());
        }
    }
}
