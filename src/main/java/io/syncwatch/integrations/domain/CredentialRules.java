package io.syncwatch.integrations.domain;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;

/**
 * The rules of a credential value, declared by its platform's {@link CredentialField}: the use
 * case refuses what breaks them, and the forms check the same rules with the same words.
 */
public final class CredentialRules {

    public static final int MAX_LENGTH = 500;

    private CredentialRules() {
    }

    /** What is wrong with one (stripped) credential value, or null. */
    public static @Nullable String problem(CredentialField field, String value) {
        if (field.required() && value.isEmpty()) {
            return "Enter the " + inSentence(field.label());
        } else if (value.length() > MAX_LENGTH) {
            return "At most " + MAX_LENGTH + " characters";
        } else if (!field.options().isEmpty() && !value.isEmpty() && !field.options().contains(value)) {
            return "Choose one of " + String.join(", ", field.options());
        }
        return null;
    }

    /** A label inside a sentence: "Subdomain" → "subdomain", but "API key" and "URL" keep their capitals. */
    static String inSentence(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
