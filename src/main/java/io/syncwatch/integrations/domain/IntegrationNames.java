package io.syncwatch.integrations.domain;

/**
 * An integration's name: required and at most {@value #MAX_LENGTH} characters. The words are
 * constants so that the forms' Bean Validation annotations say exactly what the use case says.
 */
public final class IntegrationNames {

    public static final int MAX_LENGTH = 100;
    public static final String REQUIRED = "Give the integration a name";
    public static final String TOO_LONG = "At most 100 characters";

    private IntegrationNames() {
    }

    /** The stripped name, or the message that refuses it. */
    public static @org.jspecify.annotations.Nullable String problem(@org.jspecify.annotations.Nullable String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return REQUIRED;
        }
        return n.length() > MAX_LENGTH ? TOO_LONG : null;
    }

    /** Two integrations of one account never share a name (deleted ones aside). */
    public static String taken(String name) {
        return "Another integration is already called '" + name + "': choose a name that tells them apart";
    }
}
