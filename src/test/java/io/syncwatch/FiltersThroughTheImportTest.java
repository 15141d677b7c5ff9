package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * Filters saved by a customer admin in the integrations module reach the imports module by event
 * and decide what a real run of the Demo platform stores. Two integrations read the same source
 * (same API key): one without conditions, one with an agent and a custom-field condition; the
 * filtered one holds exactly the unfiltered one's contacts that meet both conditions.
 */
@SyncwatchTest
class FiltersThroughTheImportTest {

    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired IntegrationManagement integrations;
    @Autowired ImportedContacts contacts;
    @Autowired ImportHistory history;
    @Autowired ScheduledImports scheduled;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    IntegrationSnapshot connectDemo(AccountId account, String name, String apiKey, ImportFilters filters) {
        IntegrationSnapshot s = integrations.connect(new ConnectCommand("demo", name,
                Map.of("apiKey", apiKey, "scenario", "healthy"), Environment.PRODUCTION, Schedule.HOURLY));
        integrations.configureFilters(s.id(), filters);
        // the imports module learns of the filters from the integrations module's events
        await().atMost(Duration.ofSeconds(15)).until(() -> contacts.integrations(account).stream()
                .anyMatch(i -> i.id().equals(s.id()) && i.filters().equals(filters)));
        return s;
    }

    List<ImportedContact> stored(AccountId account, IntegrationSnapshot s) {
        return contacts.search(account, new ContactSearch("", false, s.id(), null, null, null), 0, 100_000);
    }

    static String field(ImportedContact c, String name) {
        return c.customFields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Test
    void agentAndCustomFieldConditionsDecideWhatTheDemoPlatformsRunStores() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS, Permission.VIEW_IMPORTED_CONTACTS));
        String key = "filters-" + UUID.randomUUID();
        ImportFilters everything = new ImportFilters(List.of(), null, Set.of());
        ImportFilters filtered = new ImportFilters(List.of(new FilterCondition(FilterField.AGENT, null, "chen wei"),
                new FilterCondition(FilterField.CUSTOM_FIELD, "Priority", "HIGH")), null, Set.of());
        IntegrationSnapshot all = connectDemo(account.id(), "Everything", key, everything);
        IntegrationSnapshot some = connectDemo(account.id(), "Chen's urgent ones", key, filtered);

        scheduled.runScheduled(all.id());
        scheduled.runScheduled(some.id());

        Predicate<ImportedContact> meetsBoth = c -> "Chen Wei".equals(c.agent()) && "high".equals(field(c, "priority"));
        List<ImportedContact> everyContact = stored(account.id(), all);
        List<String> expected = everyContact.stream().filter(meetsBoth).map(ImportedContact::reference).toList();
        assertThat(expected).as("the demo data has contacts on both sides of the filter").isNotEmpty()
                .hasSizeLessThan(everyContact.size());
        assertThat(stored(account.id(), some)).extracting(ImportedContact::reference)
                .containsExactlyInAnyOrderElementsOf(expected);

        RunSummary unfilteredRun = history.runs(account.id(), all.id(), 0, 1).getFirst();
        RunSummary filteredRun = history.runs(account.id(), some.id(), 0, 1).getFirst();
        assertThat(filteredRun.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        ImportCounts counts = filteredRun.counts();
        assertThat(counts.fetched()).as("both read the same source window").isEqualTo(unfilteredRun.counts().fetched());
        assertThat(counts.imported()).isEqualTo(expected.size());
        assertThat(counts.skippedByFilter()).isPositive();
        assertThat(counts.imported() + counts.updated() + counts.skippedByFilter() + counts.skippedAsDuplicate())
                .as("every fetched record is accounted for").isEqualTo(counts.fetched());
        assertThat(contacts.count(account.id(), new ContactSearch("", false, some.id(), null, null, null)))
                .as("the total on the Imported contacts tab").isEqualTo(expected.size());
    }
}
