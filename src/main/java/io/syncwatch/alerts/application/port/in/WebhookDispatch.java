package io.syncwatch.alerts.application.port.in;

/** Attempts every due delivery of the outbox once; driven by a schedule. */
public interface WebhookDispatch {

    /** Returns how many deliveries were attempted. */
    int dispatchDue();

    /** The same for one account only (an admin's "deliver now"; tests). */
    int dispatchDue(io.syncwatch.platform.AccountId account);
}
