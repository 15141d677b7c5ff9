package io.syncwatch.platform.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Syncwatch's own support staff: the login e-mails listed in {@code syncwatch.support.users}
 * (comma-separated, case-insensitive). Such a user gets the support authority at sign-in, so an
 * account admin must never be able to create a user with one of these addresses (decision 0008).
 */
public record SupportStaff(Set<String> emails) {

    public SupportStaff {
        emails = Set.copyOf(emails);
    }

    /** From the property's value; blank entries are ignored. */
    public static SupportStaff parse(String commaSeparated) {
        return new SupportStaff(Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).collect(Collectors.toSet()));
    }

    public boolean includes(String email) {
        return email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT));
    }
}
