package io.syncwatch.platform.domain;

import java.time.Duration;
import java.util.List;

/**
 * The sign-in throttling rules (decision 0003).
 * <ul>
 * <li>Per login: a budget of {@code attemptsPerLogin} password checks that gets one back per
 * {@code loginWindow}, so {@code attemptsPerLogin} failures within a window use it up; the
 * failure that uses the last one locks the login for {@code lockDuration}, after which the login
 * has its whole budget again. Attempts refused while locked are not counted, so nobody can
 * extend a lock by hammering it.</li>
 * <li>Per IP address (an IPv6 address by its /64): several budgets at once, e.g. 20 a minute,
 * 100 an hour, 500 a day; the longer an address sprays, the longer it waits for its next attempt
 * (a growing delay per IP, not an endless lock per user). A successful sign-in gives its attempt
 * back.</li>
 * </ul>
 */
public record SignInPolicy(int attemptsPerLogin, Duration loginWindow, Duration lockDuration, List<Budget> perIp) {

    /** {@code attempts} per {@code period}, refilled gradually. */
    public record Budget(int attempts, Duration period) {

        public Budget {
            if (attempts < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A budget needs at least one attempt over a positive period");
            }
        }
    }

    public SignInPolicy {
        if (attemptsPerLogin < 1) {
            throw new IllegalArgumentException("attemptsPerLogin must be at least 1");
        }
        perIp = List.copyOf(perIp);
    }

    /**
     * How long after its last use every budget is full again and every lock over: a login's
     * budget refills one attempt per window, an address's budgets each over their period. A
     * budget untouched for longer is the same as none (and may be forgotten).
     */
    public Duration untouchedBudgetsFullAfter() {
        Duration longest = loginWindow.multipliedBy(attemptsPerLogin);
        if (lockDuration.compareTo(longest) > 0) {
            longest = lockDuration;
        }
        for (Budget budget : perIp) {
            if (budget.period().compareTo(longest) > 0) {
                longest = budget.period();
            }
        }
        return longest;
    }

    public static SignInPolicy standard() {
        return new SignInPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15),
                List.of(new Budget(20, Duration.ofMinutes(1)), new Budget(100, Duration.ofHours(1)),
                        new Budget(500, Duration.ofDays(1))));
    }
}
