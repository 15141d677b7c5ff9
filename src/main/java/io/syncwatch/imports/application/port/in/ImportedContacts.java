package io.syncwatch.imports.application.port.in;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** The "Imported contacts & filters" tab: search contacts and list each integration's filters. */
public interface ImportedContacts {

    List<ImportedContact> search(AccountId account, ContactSearch search, int offset, int limit);

    long count(AccountId account, ContactSearch search);

    Optional<ImportedContact> find(AccountId account, long contactId);

    List<IntegrationFilters> integrations(AccountId account);

    /** The channels of the account's contacts, or of one integration's contacts when {@code integration} is set. */
    List<String> channels(AccountId account, @Nullable IntegrationId integration);
}
