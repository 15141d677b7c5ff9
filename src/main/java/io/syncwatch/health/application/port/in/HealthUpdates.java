package io.syncwatch.health.application.port.in;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * Lets open views learn that health records changed (server push): at once for a change made on
 * this instance (after its commit), within a poll interval for one made on another instance.
 */
public interface HealthUpdates {

    /** Calls {@code listener} after each change in the account until the subscription is closed. */
    Subscription subscribe(AccountId account, Runnable listener);

    /**
     * Calls {@code listener} after each change of one integration's record (a run started, retried
     * or finished; paused, resumed, reconnected, edited, deleted) until the subscription is closed.
     */
    Subscription subscribe(AccountId account, IntegrationId integration, Runnable listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
