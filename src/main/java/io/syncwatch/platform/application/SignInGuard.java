package io.syncwatch.platform.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.application.port.out.SignInBudgets;
import io.syncwatch.platform.application.port.out.SignInEvents;
import io.syncwatch.platform.application.port.out.Users;
import io.syncwatch.platform.domain.SignInEvent;
import io.syncwatch.platform.domain.SignInEvent.Result;
import io.syncwatch.platform.domain.SignInKeys;
import io.syncwatch.platform.domain.SignInPolicy;
import io.syncwatch.platform.domain.User;

/**
 * Sign-in throttling (decision 0003). An attempt takes one password check from the login's
 * budget, then one from the address's budget, <em>before</em> the password is checked, so 50
 * concurrent wrong passwords get at most {@link SignInPolicy#attemptsPerLogin()} checks and the
 * right password after them is refused. The failure that uses the login's last attempt locks it
 * for {@link SignInPolicy#lockDuration()}; refused attempts count nowhere, so the lock ends on
 * time whatever an attacker sends meanwhile. A success gives the address its attempt back and
 * the login its full budget. Budgets live in the database (every instance shares them); attempts
 * are logged without the password and kept for the account's admins.
 * Not transactional: each budget operation commits on its own (atomic compare-and-swap).
 */
@Service
class SignInGuard implements SignInThrottling {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
    private static final int RECENT = 50;
    private static final Duration KEEP_EVENTS = Duration.ofDays(90);

    private final SignInBudgets budgets;
    private final SignInEvents events;
    private final Users users;
    private final Clock clock;

    SignInGuard(SignInBudgets budgets, SignInEvents events, Users users, Clock clock) {
        this.budgets = budgets;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Admission admit(String login, String ip) {
        Optional<Duration> locked = budgets.lockedFor(SignInKeys.lock(login));
        if (locked.isPresent()) {
            record(login, ip, Result.LOCKED);
            log.warn("Sign-in refused for {} from {}: locked for another {} s", who(login), ip, locked.get().toSeconds());
            return new Admission.LoginLocked(locked.get());
        }
        if (!budgets.takeLoginAttempt(SignInKeys.login(login))) {
            record(login, ip, Result.LOCKED);
            log.warn("Sign-in refused for {} from {}: no attempts left for this login", who(login), ip);
            return new Admission.LoginLocked(budgets.lockedFor(SignInKeys.lock(login)).orElse(Duration.ZERO));
        }
        Optional<Duration> ipWait = budgets.takeIpAttempt(SignInKeys.ip(ip));
        if (ipWait.isPresent()) {
            budgets.returnLoginAttempt(SignInKeys.login(login));
            record(login, ip, Result.THROTTLED);
            log.warn("Sign-in refused for {} from {}: too many attempts from this address, next in {} s", who(login), ip,
                    ipWait.get().toSeconds());
            return new Admission.AddressThrottled(ipWait.get());
        }
        return new Admission.Allowed();
    }

    @Override
    public void failed(String login, String ip) {
        record(login, ip, Result.FAILED);
        log.warn("Sign-in failed for {} from {}", who(login), ip);
        if (budgets.loginBudgetUsedUp(SignInKeys.login(login)) && budgets.lockedFor(SignInKeys.lock(login)).isEmpty()) {
            budgets.lock(SignInKeys.lock(login));
            log.warn("Sign-in of {} locked after repeated failures (last from {})", who(login), ip);
        }
    }

    @Override
    public void succeeded(String login, String ip) {
        budgets.returnIpAttempt(SignInKeys.ip(ip));
        budgets.clear(SignInKeys.login(login), SignInKeys.lock(login));
        record(login, ip, Result.SUCCEEDED);
        log.info("Signed in: {} from {}", who(login), ip);
    }

    @Override
    public List<SignInEvent> recentSignIns(AccountId account) {
        return events.recent(account, RECENT);
    }

    @Override
    public Optional<Duration> lockedFor(AccountId account, UserId user) {
        return users.find(account, user).flatMap(u -> budgets.lockedFor(SignInKeys.lock(u.email())));
    }

    @Override
    public void unlock(AccountId account, UserId user) {
        User target = users.find(account, user).orElseThrow(() -> new IllegalArgumentException("No such user"));
        budgets.clear(SignInKeys.login(target.email()), SignInKeys.lock(target.email()));
        log.info("Sign-in of user {} unlocked by an account admin of account {}", user, account);
    }

    private void record(String login, String ip, Result result) {
        Optional<User> user = users.findByEmail(SignInKeys.normalisedLogin(login));
        Instant now = clock.instant();
        events.record(new SignInEvent(null, now, user.map(User::accountId).orElse(null), user.map(User::id).orElse(null),
                user.map(User::email).orElse(SignInEvent.UNKNOWN_LOGIN), ip, result));
        if (ThreadLocalRandom.current().nextInt(200) == 0) {
            events.purgeBefore(now.minus(KEEP_EVENTS));
        }
    }

    /** The user as logs name them: the user id when the login is a user, never what was typed otherwise. */
    private String who(String login) {
        return users.findByEmail(SignInKeys.normalisedLogin(login)).map(u -> "user " + u.id().value())
                .orElse("an unknown login");
    }
}
