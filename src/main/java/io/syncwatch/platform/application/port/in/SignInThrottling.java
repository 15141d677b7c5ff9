package io.syncwatch.platform.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** The account's recent sign-ins, newest first. */
    List<SignInEvent> recentSignIns(AccountId account);

    /** How much longer the user is locked out, empty when not locked. */
    Optional<Duration> lockedFor(AccountId account, UserId user);

    /** An account admin lifts the user's lock and gives back the user's attempts. */
    void unlock(AccountId account, UserId user);

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
