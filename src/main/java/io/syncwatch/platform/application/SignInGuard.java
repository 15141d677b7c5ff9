package io.syncwatch.platform.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

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
 * the login its full budget. The current password asked on Account › Password goes through the
 * same budgets ({@link #checkPassword}). Budgets live in the database (every instance shares
 * them); attempts are logged without the password and kept 90 days for the
 * account's admins. Not transactional: each budget operation commits on its own (atomic
 * compare-and-swap), also when called inside a caller's transaction.
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
    private final SignInPolicy policy;

    SignInGuard(SignInBudgets budgets, SignInEvents events, Users users, Clock clock, SignInPolicy policy) {
        this.policy = policy;
        this.budgets = budgets;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Admission admit(String login, String ip) {
        String loginKey = SignInKeys.login(login);
        String lockKey = SignInKeys.lock(login);
        Optional<Duration> locked = budgets.lockedFor(lockKey);
        if (locked.isPresent()) {
            return refusedLocked(login, ip, locked.get());
        }
        if (!budgets.takeLoginAttempt(loginKey)) {
            // every attempt is taken by checks still running; the failure that used the last one locks
            record(login, ip, Result.LOCKED);
            log.warn("Sign-in refused for {} from {}: no attempts left for this login", who(login), ip);
            return new Admission.LoginLocked(budgets.lockedFor(lockKey).orElse(policy.lockDuration()));
        }
        // again, now that the attempt is taken: a lock set meanwhile refills the budget after locking
        // (SignInBudgets#lock), so an attempt taken from that refill always sees the lock here
        locked = budgets.lockedFor(lockKey);
        if (locked.isPresent()) {
            budgets.returnLoginAttempt(loginKey);
            return refusedLocked(login, ip, locked.get());
        }
        Optional<Duration> ipWait = budgets.takeIpAttempt(SignInKeys.ip(ip));
        if (ipWait.isPresent()) {
            budgets.returnLoginAttempt(loginKey);
            record(login, ip, Result.THROTTLED);
            log.warn("Sign-in refused for {} from {}: too many attempts from this address, next in {} s", who(login), ip,
                    seconds(ipWait.get()));
            return new Admission.AddressThrottled(ipWait.get());
        }
        return new Admission.Allowed();
    }

    private Admission refusedLocked(String login, String ip, Duration lockedFor) {
        record(login, ip, Result.LOCKED);
        log.warn("Sign-in refused for {} from {}: locked for another {} s", who(login), ip, seconds(lockedFor));
        return new Admission.LoginLocked(lockedFor);
    }

    private static long seconds(Duration wait) {
        return (wait.toMillis() + 999) / 1000;
    }

    @Override
    public void failed(String login, String ip) {
        failed(login, ip, Result.FAILED);
    }

    private void failed(String login, String ip, Result result) {
        record(login, ip, result);
        log.warn("Wrong password for {} from {}{}", who(login), ip, result == Result.FAILED ? "" : " (" + result.label() + ")");
        String lockKey = SignInKeys.lock(login);
        if (budgets.loginBudgetUsedUp(SignInKeys.login(login)) && budgets.lockedFor(lockKey).isEmpty()
                && budgets.lock(lockKey, SignInKeys.login(login))) {
            log.warn("Sign-in of {} locked for {} min after repeated failures (last from {})", who(login),
                    policy.lockDuration().toMinutes(), ip);
        }
    }

    @Override
    public PasswordCheck checkPassword(String login, String ip, BooleanSupplier passwordMatches) {
        Admission admission = admit(login, ip);
        if (admission instanceof Admission.LoginLocked(Duration wait)) {
            return new PasswordCheck.Refused(wait);
        }
        if (admission instanceof Admission.AddressThrottled(Duration wait)) {
            return new PasswordCheck.Refused(wait);
        }
        if (!passwordMatches.getAsBoolean()) {
            failed(login, ip, Result.WRONG_CURRENT);
            return new PasswordCheck.Wrong();
        }
        budgets.returnIpAttempt(SignInKeys.ip(ip));
        budgets.clear(SignInKeys.login(login), SignInKeys.lock(login));
        return new PasswordCheck.Right();
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
        User target = users.find(account, user).orElseThrow(io.syncwatch.platform.PlatformRefusal.UserNotFound::new);
        budgets.clear(SignInKeys.login(target.email()), SignInKeys.lock(target.email()));
        log.info("Sign-in of user {} unlocked by an account admin of account {}", user, account);
    }

    @Override
    public int forgetExpired(int maxRows) {
        int budgetsGone = budgets.forgetUnused(maxRows);
        int eventsGone = events.purgeBefore(clock.instant().minus(KEEP_EVENTS), maxRows);
        if (budgetsGone + eventsGone > 0) {
            log.info("Sign-in housekeeping: {} budgets full again and {} sign-ins older than {} days forgotten", budgetsGone,
                    eventsGone, KEEP_EVENTS.toDays());
        }
        return budgetsGone + eventsGone;
    }

    private void record(String login, String ip, Result result) {
        Optional<User> user = users.findByEmail(SignInKeys.normalisedLogin(login));
        events.record(new SignInEvent(null, clock.instant(), user.map(User::accountId).orElse(null),
                user.map(User::id).orElse(null), user.map(User::email).orElse(SignInEvent.UNKNOWN_LOGIN), ip, result));
    }

    /** The user as logs name them: the user id when the login is a user, never what was typed otherwise. */
    private String who(String login) {
        return users.findByEmail(SignInKeys.normalisedLogin(login)).map(u -> "user " + u.id().value())
                .orElse("an unknown login");
    }
}
