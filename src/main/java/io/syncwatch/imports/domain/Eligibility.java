package io.syncwatch.imports.domain;

import org.jspecify.annotations.Nullable;

/**
 * Whether a conversation passes an integration's import criteria; when it does not, {@code reason}
 * names the failing condition in words an admin understands, e.g. "status is 'open'; this
 * integration imports only closed conversations".
 */
public record Eligibility(boolean eligible, @Nullable String reason) {

    public static final Eligibility ELIGIBLE = new Eligibility(true, null);

    public static Eligibility excluded(String reason) {
        return new Eligibility(false, reason);
    }
}
