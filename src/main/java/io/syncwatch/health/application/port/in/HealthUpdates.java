package io.syncwatch.health.application.port.in;

import io.syncwatch.platform.AccountId;

/** Lets open views learn that an account's health records changed (server push). */
public interface HealthUpdates {

    /** Calls {@code listener} after each change in the account until the subscription is closed. */
    Subscription subscribe(AccountId account, Runnable listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
