package io.syncwatch.platform.adapter.in.cli;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.application.port.in.FirstAdmin;
import io.syncwatch.platform.application.port.in.FirstAdmin.Outcome;

/**
 * {@code java -jar syncwatch.jar bootstrap-admin --email=<address> [--account=<name>]}: the first
 * admin for operators who script their set-up. Prints the one-time set-password link (for an admin
 * created so who never set a password, a new link replacing the old); the process then exits
 * (0 = link printed, 1 = nothing done, 2 = wrong arguments). {@code SyncwatchApplication} starts
 * it with scheduling off and a random port, so it can run next to a live instance.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BootstrapAdminCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String COMMAND = "bootstrap-admin";

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminCommand.class);

    private final FirstAdmin firstAdmin;
    private int exitCode;

    BootstrapAdminCommand(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    static boolean requested(ApplicationArguments args) {
        return args.getNonOptionArgs().contains(COMMAND);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!requested(args)) {
            return;
        }
        String email = single(args, "email");
        if (email == null) {
            log.error("Usage: java -jar syncwatch.jar bootstrap-admin --email=<address> [--account=<name>]");
            exitCode = 2;
            return;
        }
        try {
            switch (firstAdmin.bootstrap(email, single(args, "account"))) {
                case Outcome.Created created -> print("First admin " + created.email() + " created in account '"
                        + created.accountName() + "'.", created.link(), created.expiresAt());
                case Outcome.LinkReissued reissued -> print("New link for the first admin " + reissued.email()
                        + " (earlier links no longer work).", reissued.link(), reissued.expiresAt());
                case Outcome.NothingToDo nothing -> {
                    log.warn("bootstrap-admin: {}", nothing.reason());
                    exitCode = 1;
                }
            }
        } catch (io.syncwatch.platform.PlatformRefusal e) {
            log.error("bootstrap-admin: {}", e.getMessage());
            exitCode = 2;
        }
    }

    private static void print(String what, String link, java.time.Instant expiresAt) {
        log.warn("{} Set the password with this one-time link (valid until {}, single use): {}", what, expiresAt, link);
    }

    private static String single(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
