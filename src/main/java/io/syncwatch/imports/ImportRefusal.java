package io.syncwatch.imports;

import io.syncwatch.platform.FieldRefusal;

/**
 * Every way the imports module refuses a manual request (Run now, import one conversation,
 * backfill), as one closed family: the integration page and the Platforms tab's bulk Run now catch
 * these as the user's error; anything else is unexpected (the console's error handler reports it
 * with a reference). Messages are written for the user.
 */
public abstract sealed class ImportRefusal extends RuntimeException
        permits ImportRefusal.InvalidImportInput, ImportRefusal.CannotRun, ImportRefusal.NoSuchIntegration {

    protected ImportRefusal(String message) {
        super(message);
    }

    /** A value that breaks a rule, naming the field as the form names it ({@code reference}, {@code from}). */
    public static final class InvalidImportInput extends ImportRefusal implements FieldRefusal.OneField {

        private final String field;

        public InvalidImportInput(String field, String message) {
            super(message);
            this.field = field;
        }

        @Override
        public String field() {
            return field;
        }
    }

    /** The integration cannot run now: not active (the message says why), or an import of it is already running. */
    public static final class CannotRun extends ImportRefusal {

        public CannotRun(String message) {
            super(message);
        }
    }

    /** No integration with that id in the caller's account. */
    public static final class NoSuchIntegration extends ImportRefusal {

        public NoSuchIntegration(String message) {
            super(message);
        }
    }
}
