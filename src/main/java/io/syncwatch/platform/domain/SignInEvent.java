package io.syncwatch.platform.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.UserId;

/**
 * One sign-in attempt as an account admin sees it. {@code login} is the user's e-mail address
 * when the login belongs to a user, otherwise a placeholder (what was typed is never stored: it
 * may be a password typed into the wrong field).
 */
public record SignInEvent(@Nullable Long id, Instant occurredAt, @Nullable AccountId accountId, @Nullable UserId userId,
        String login, String ip, Result result) {

    public static final String UNKNOWN_LOGIN = "(unknown login)";

    public enum Result {
        /** Signed in. */
        SUCCEEDED("Signed in"),
        /** Wrong password, unknown or disabled user. */
        FAILED("Wrong password"),
        /** A signed-in user gave a wrong current password on Account › Password (counts like a failed sign-in). */
        WRONG_CURRENT("Wrong current password (password change)"),
        /** Refused: the login is locked after repeated failures (the password was not checked). */
        LOCKED("Refused: locked"),
        /** Refused: too many attempts from this IP address (the password was not checked). */
        THROTTLED("Refused: too many attempts from this address");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
