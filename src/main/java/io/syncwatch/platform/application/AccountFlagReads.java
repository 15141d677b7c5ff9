package io.syncwatch.platform.application;

import java.util.Set;

import org.springframework.stereotype.Service;

import io.syncwatch.platform.AccountFlags;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.application.port.out.Accounts;

/** {@link AccountFlags}: a single statement, so no transaction is needed (see its comment). */
@Service
class AccountFlagReads implements AccountFlags {

    private final Accounts accounts;

    AccountFlagReads(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<FeatureFlag> flagsOf(AccountId account) {
        return accounts.flagsOf(account);
    }
}
