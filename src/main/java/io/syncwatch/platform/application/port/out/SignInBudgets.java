package io.syncwatch.platform.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * The sign-in budgets, shared by every instance and counted atomically (Bucket4j on the
 * database). Keys come from {@link io.syncwatch.platform.domain.SignInKeys}.
 */
public interface SignInBudgets {

    /** How much longer the login is locked, empty when it is not. */
    Optional<Duration> lockedFor(String lockKey);

    /** Takes one password check from the login's budget; false when none is left. */
    boolean takeLoginAttempt(String loginKey);

    /** Gives back a check taken for an attempt that was then refused for its address. */
    void returnLoginAttempt(String loginKey);

    /** Whether the login's budget is used up (the failure that used the last attempt locks it). */
    boolean loginBudgetUsedUp(String loginKey);

    /** Takes one attempt from the address's budgets; empty when taken, otherwise the wait before the next. */
    Optional<Duration> takeIpAttempt(String ipKey);

    void returnIpAttempt(String ipKey);

    /**
     * Locks the login for the policy's lock duration from now, then gives the login its whole
     * budget for after the lock; false (and nothing changes) while it is still locked: a lock is
     * never extended.
     */
    boolean lock(String lockKey, String loginKey);

    /** The login's budget is full again and its lock (if any) is gone: a success or an admin's unlock. */
    void clear(String loginKey, String lockKey);

    /** Forgets at most {@code maxRows} budgets that are full again (untouched for long enough); returns how many. */
    int forgetUnused(int maxRows);
}
