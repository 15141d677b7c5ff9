package io.syncwatch.platform;

/**
 * Every way the platform module (accounts, users, passwords, API keys, first admin) refuses a
 * request, as one closed family. Screens and the command line catch these as the user's error; any
 * other exception is unexpected (the console's error handler reports it with a reference). The
 * message is written for the user.
 */
public abstract sealed class PlatformRefusal extends RuntimeException
        permits PlatformRefusal.InvalidAccountInput, PlatformRefusal.UserNotFound, PlatformRefusal.SetupLinkRefused {

    protected PlatformRefusal(String message) {
        super(message);
    }

    /**
     * Input that breaks a rule, naming the field as the forms name it: {@code email}, {@code name},
     * {@code password}, {@code currentPassword}, {@code accountName}.
     */
    public static final class InvalidAccountInput extends PlatformRefusal implements FieldRefusal.OneField {

        private final String field;

        public InvalidAccountInput(String field, String message) {
            super(message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }

    /** No such user in the caller's account. */
    public static final class UserNotFound extends PlatformRefusal {

        public UserNotFound() {
            super("No such user");
        }
    }

    /** A one-time set-password link that is not valid, used already or expired. */
    public static final class SetupLinkRefused extends PlatformRefusal {

        public SetupLinkRefused(String message) {
            super(message);
        }
    }
}
