package io.syncwatch.imports.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Imported contacts, unique per integration and source reference. */
public interface ContactStore {

    /** The source's update time stored with each of the given references that exist. */
    Map<String, Instant> storedUpdatedAt(IntegrationId integration, Collection<String> references);

    /** Inserts new contacts and refreshes existing ones (same record) in multi-row statements. */
    void save(AccountId account, IntegrationId integration, List<SourceConversation> inserts,
            List<SourceConversation> refreshes, Instant now);

    List<ImportedContact> search(AccountId account, ContactSearch search, int offset, int limit);

    long count(AccountId account, ContactSearch search);

    Optional<ImportedContact> find(AccountId account, long id);

    List<String> channels(AccountId account, @org.jspecify.annotations.Nullable IntegrationId integration);
}
