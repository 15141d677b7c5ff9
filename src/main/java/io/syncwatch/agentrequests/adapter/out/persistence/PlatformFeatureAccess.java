package io.syncwatch.agentrequests.adapter.out.persistence;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.syncwatch.agentrequests.application.port.out.FeatureAccess;
import io.syncwatch.platform.AccountFlags;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;

/**
 * The account's flags from the platform ({@link AccountFlags}: one column, no transaction), kept a few seconds like keys and settings
 * (the Requests API's hot path): turning the flag off takes effect within {@value #TTL_MILLIS} ms.
 */
@Component
class PlatformFeatureAccess implements FeatureAccess {

    static final long TTL_MILLIS = 5_000;

    private final AccountFlags accounts;
    private final ShortLivedCache<AccountId, Boolean> enabled = new ShortLivedCache<>(TTL_MILLIS, 10_000);

    PlatformFeatureAccess(AccountFlags accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean agentConnectEnabled(AccountId account) {
        return enabled.get(account, a -> Optional.of(accounts.flagsOf(a).contains(FeatureFlag.AGENT_CONNECT))).orElse(false);
    }
}
