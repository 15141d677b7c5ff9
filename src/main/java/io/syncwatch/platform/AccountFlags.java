package io.syncwatch.platform;

import java.util.Set;

/**
 * An account's feature flags for hot paths (the Requests API checks its flag on every cache miss):
 * one read of one column, outside any transaction, without the transactional proxy of
 * {@link AccountDirectory} (whose interceptor alone cost as much CPU as the query, JFR 2026-12-04).
 * Empty for an unknown account.
 */
public interface AccountFlags {

    Set<FeatureFlag> flagsOf(AccountId account);
}
