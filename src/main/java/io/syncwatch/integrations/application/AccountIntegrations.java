package io.syncwatch.integrations.application;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.integrations.domain.IntegrationNames;
import io.syncwatch.platform.CurrentUser;

/**
 * The signed-in account's integrations as the use cases see them: one of them by id (another
 * account's, or a deleted one, is "not found"), and the rules of the settings every use case that
 * names one shares (a name the account does not use yet, a schedule, an environment).
 */
@Component
class AccountIntegrations {

    private final IntegrationStore store;
    private final CurrentUser currentUser;

    AccountIntegrations(IntegrationStore store, CurrentUser currentUser) {
        this.store = store;
        this.currentUser = currentUser;
    }

    /** @throws IntegrationNotFound when it is another account's, deleted, or does not exist */
    Integration mine(IntegrationId id) {
        Integration integration = store.find(currentUser.accountId(), id).orElseThrow(() -> new IntegrationNotFound(id));
        if (integration.lifecycle() == Lifecycle.DELETED) {
            throw new IntegrationNotFound(id);
        }
        return integration;
    }

    /** The stripped name, refused when empty, too long or used by another of the account's integrations. */
    String validUniqueName(@Nullable String name, @Nullable IntegrationId self) {
        String problem = IntegrationNames.problem(name);
        if (problem != null) {
            throw InvalidIntegrationInput.of("name", problem);
        }
        String n = name.strip();
        boolean taken = store.list(currentUser.accountId(), false).stream()
                .anyMatch(i -> i.name().equalsIgnoreCase(n) && (self == null || !i.snapshot().id().equals(self)));
        if (taken) {
            throw InvalidIntegrationInput.of("name", IntegrationNames.taken(n));
        }
        return n;
    }

    static void requireScheduleAndEnvironment(@Nullable Schedule schedule, @Nullable Environment environment) {
        if (schedule == null) {
            throw InvalidIntegrationInput.of("schedule", "Choose a schedule");
        }
        if (environment == null) {
            throw InvalidIntegrationInput.of("environment", "Choose an environment");
        }
    }
}
