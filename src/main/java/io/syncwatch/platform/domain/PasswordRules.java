package io.syncwatch.platform.domain;

import io.syncwatch.platform.PlatformRefusal.InvalidAccountInput;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters, at most
 * {@link #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further), not one of the 10,000 most common
 * passwords (case-insensitive) and not the user's own e-mail address. Each broken rule is
 * reported with a message a user can act on.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    /** @param common the most common passwords, lower case */
    public PasswordRules(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** Refuses ({@link InvalidAccountInput} on {@code password}) a password that is not acceptable, saying why. */
    public void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidAccountInput("password", "Password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidAccountInput("password", "Password must be at most " + MAX_BYTES + " bytes long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new InvalidAccountInput("password", "This password is one of the most common ones; choose another");
        }
        if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidAccountInput("password", "The password must not be your e-mail address");
        }
    }

    public int commonCount() {
        return common.size();
    }
}
