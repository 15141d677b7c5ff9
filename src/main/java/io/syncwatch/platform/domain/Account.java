package io.syncwatch.platform.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;

/** A customer account (tenant) and the features switched on for it. */
public record Account(@Nullable AccountId id, String name, Set<FeatureFlag> flags, Instant createdAt) {

    public Account {
        if (name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("account name must be 1 to 120 characters");
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static Account unsaved(String name, Set<FeatureFlag> flags, Instant createdAt) {
        return new Account(null, name, flags, createdAt);
    }

    public boolean has(FeatureFlag flag) {
        return flags.contains(flag);
    }

    public Account withFlags(Set<FeatureFlag> newFlags) {
        return new Account(id, name, newFlags, createdAt);
    }
}
