package io.syncwatch.platform.application.port.in;

import java.time.Instant;

/**
 * The first admin of a new installation, without SQL (issue 17.1): created with a one-time link
 * through which the person sets their own password.
 */
public interface FirstAdmin {

    /** True while no user exists at all (an empty database). */
    boolean needed();

    /**
     * On an empty database: creates the account (every feature) and its admin (every permission),
     * and returns a set-password link. For an admin created so who has not set a password yet, a
     * new link replaces the old ones. Otherwise nothing changes ({@link Outcome.NothingToDo}).
     */
    Outcome bootstrap(String email, String accountName);

    /** What the link with this secret is: valid (for whom), used, expired or unknown. */
    LinkState inspect(String token);

    /**
     * Sets the password through the link, once. Throws {@link io.syncwatch.platform.PlatformRefusal.InvalidAccountInput} with a
     * message for the user when the password breaks the rules, {@link io.syncwatch.platform.PlatformRefusal.SetupLinkRefused} when
     * the link is not (or no longer) valid.
     */
    String setPassword(String token, String password);

    sealed interface Outcome {
        record Created(String email, String accountName, String link, Instant expiresAt) implements Outcome {
        }

        record LinkReissued(String email, String link, Instant expiresAt) implements Outcome {
        }

        record NothingToDo(String reason) implements Outcome {
        }
    }

    sealed interface LinkState {
        record Valid(String email) implements LinkState {
        }

        record Used() implements LinkState {
        }

        record Expired() implements LinkState {
        }

        record Unknown() implements LinkState {
        }
    }
}
