package io.syncwatch.integrations.application;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationNotFound;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.application.port.out.CredentialCipher;
import io.syncwatch.integrations.application.port.out.IntegrationStore;
import io.syncwatch.integrations.domain.AuditEntry;
import io.syncwatch.integrations.domain.Integration;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/** Reading integrations: the signed-in account's, any account's for other modules, and the audit trail. */
@Service
@Transactional(readOnly = true)
class IntegrationQueries {

    private final AccountIntegrations account;
    private final IntegrationStore store;
    private final CredentialCipher cipher;
    private final CurrentUser currentUser;

    IntegrationQueries(AccountIntegrations account, IntegrationStore store, CredentialCipher cipher,
            CurrentUser currentUser) {
        this.account = account;
        this.store = store;
        this.cipher = cipher;
        this.currentUser = currentUser;
    }

    List<IntegrationSnapshot> list() {
        return integrations(currentUser.accountId());
    }

    List<IntegrationSnapshot> deleted() {
        return store.list(currentUser.accountId(), true).stream()
                .filter(i -> i.lifecycle() == Lifecycle.DELETED).map(Integration::snapshot).toList();
    }

    IntegrationSnapshot get(IntegrationId id) {
        return account.mine(id).snapshot();
    }

    Optional<IntegrationSnapshot> find(IntegrationId id) {
        return find(currentUser.accountId(), id);
    }

    /** Newest first; also for a deleted integration (its trail is kept for audit). */
    List<AuditEntry> auditTrail(IntegrationId id) {
        store.find(currentUser.accountId(), id).orElseThrow(() -> new IntegrationNotFound(id));
        return store.auditTrail(currentUser.accountId(), id);
    }

    List<String> storedCredentialKeys(IntegrationId id) {
        return List.copyOf(cipher.decrypt(account.mine(id).encryptedCredentials()).values().keySet());
    }

    List<IntegrationSnapshot> integrations(AccountId accountId) {
        return store.list(accountId, false).stream().map(Integration::snapshot).toList();
    }

    Optional<IntegrationSnapshot> find(AccountId accountId, IntegrationId integration) {
        return store.find(accountId, integration).map(Integration::snapshot);
    }

    Optional<SourceCredentials> credentialsFor(IntegrationId integration) {
        return store.findAnyAccount(integration).map(i -> cipher.decrypt(i.encryptedCredentials()));
    }
}
