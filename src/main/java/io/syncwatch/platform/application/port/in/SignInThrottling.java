package io.syncwatch.platform.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.UserId;
import io.syncwatch.platform.domain.SignInEvent;

/** Sign-in throttling around the password check (decision 0003), and what an account admin sees of it. */
public interface SignInThrottling {

    /** Before the password is checked: whether this attempt may go on. */
    Admission admit(String login, String ip);

    /** The password check failed (wrong password, unknown or disabled user). */
    void failed(String login, String ip);

    void succeeded(String login, String ip);

    /**
     * A password asked outside the login form (the current password on Account › Password),
     * throttled and counted like a sign-in: refused unchecked while the login is locked or the
     * address out of attempts; a wrong one counts towards the lock; a right one gives the
     * attempts back (and records no sign-in).
     */
    PasswordCheck checkPassword(String login, String ip, BooleanSupplier passwordMatches);

    /**
     * Housekeeping: forgets at most {@code maxRows} budgets that are full again and at most
     * {@code maxRows} sign-ins older than 90 days; returns how many rows went.
     */
    int forgetExpired(int maxRows);

    /** The account's recent sign-ins, newest first. */
    List<SignInEvent> recentSignIns(AccountId account);

    /** How much longer the user is locked out, empty when not locked. */
    Optional<Duration> lockedFor(AccountId account, UserId user);

    /** An account admin lifts the user's lock and gives back the user's attempts. */
    void unlock(AccountId account, UserId user);

    sealed interface PasswordCheck {
        record Right() implements PasswordCheck {
        }

        record Wrong() implements PasswordCheck {
        }

        /** Not checked: the login is locked or the address out of attempts for {@code retryAfter}. */
        record Refused(Duration retryAfter) implements PasswordCheck {
        }
    }

    sealed interface Admission {
        record Allowed() implements Admission {
        }

        /** The login is locked (or its attempts are all in use); the password is not checked. */
        record LoginLocked(Duration retryAfter) implements Admission {
        }

        /** The address has used its budget; the password is not checked. */
        record AddressThrottled(Duration retryAfter) implements Admission {
        }
    }
}
