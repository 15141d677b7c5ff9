package io.syncwatch.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Filter conditions (agent, status, custom field, tag, channel) applied by a real run: the filters
 * go through the integration projection (stored as text, read back for the run), the pipeline
 * skips what they exclude, and the database, the run history, the contacts tab and the
 * run-finished event all tell the same story.
 */
@ImportsTest
class FilteredImportsTest {

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired io.syncwatch.imports.application.port.in.ManualImports manual;
    @Autowired ImportHistory history;
    @Autowired ImportedContacts contacts;
    @Autowired RecordedEvents events;
    @Autowired MovableClock clock;

    AccountId account;
    Script script;
    Instant t0;
    List<SourceConversation> sourceData;

    @BeforeEach
    void setUp() {
        account = accounts.createWithAllFeatures().id();
        script = source.newScript();
        t0 = clock.instant().minus(Duration.ofDays(2));
        // Twelve conversations spread over two pages (page size 10 in @ImportsTest), with
        // agents, statuses and custom fields that vary independently, and mixed case.
        List<String> agents = List.of("Alice", "Bob", "alice ", "Carol");
        List<String> statuses = List.of("closed", "open", "Closed");
        List<Map<String, String>> fields = List.of(Map.of("priority", "high", "region", "EU"),
                Map.of("Priority", "LOW", "region", "US"), Map.of("region", "EU"), Map.of("priority", "High "));
        sourceData = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant updated = t0.plusSeconds(60L * i);
            sourceData.add(new SourceConversation("F-" + i, i % 2 == 0 ? "chat" : "email", agents.get(i % 4),
                    statuses.get(i % 3), i % 5 == 0 ? Set.of("vip") : Set.of("billing"), fields.get((i / 2) % 4),
                    "Subject " + i, updated.minusSeconds(600), updated));
        }
        sourceData.forEach(script::add);
    }

    IntegrationSnapshot connect(ImportFilters filters) {
        return integrations.connect(account, ScriptedConnector.KEY, filters, script.credentials());
    }

    static ImportFilters conditions(FilterCondition... conditions) {
        return new ImportFilters(List.of(conditions), null, Set.of());
    }

    static String norm(String value) {
        return value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    static String field(SourceConversation c, String name) {
        return field(c.customFields(), name);
    }

    static String field(Map<String, String> fields, String name) {
        return fields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    List<String> referencesWhere(Predicate<SourceConversation> matches) {
        return sourceData.stream().filter(matches).map(SourceConversation::reference).toList();
    }

    List<ImportedContact> stored(IntegrationSnapshot integration) {
        return contacts.search(account, new ContactSearch("", true, integration.id(), null, null, null), 0, 10_000);
    }

    RunSummary lastRun(IntegrationSnapshot integration) {
        return history.runs(account, integration.id(), 0, 1).getFirst();
    }

    /** Runs the integration and checks that database, history, contacts tab and event agree on {@code expected}. */
    void runAndExpect(IntegrationSnapshot integration, List<String> expected) {
        assertThat(expected).as("the data set exercises the filter: some pass, some do not").isNotEmpty()
                .hasSizeLessThan(sourceData.size());

        scheduled.runScheduled(integration.id());

        assertThat(stored(integration)).extracting(ImportedContact::reference)
                .containsExactlyInAnyOrderElementsOf(expected);
        int excluded = sourceData.size() - expected.size();
        RunSummary run = lastRun(integration);
        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new ImportCounts(sourceData.size(), expected.size(), 0, excluded, 0, 0));
        assertThat(run.message()).isEqualTo("Fetched " + sourceData.size() + ", imported " + expected.size()
                + ", refreshed 0, skipped by filter " + excluded + ", duplicates 0");
        assertThat(contacts.count(account, new ContactSearch("", false, integration.id(), null, null, null)))
                .as("the total shown on the Imported contacts tab").isEqualTo(expected.size());
        ImportRunFinished finished = events.of(ImportRunFinished.class, integration.id()).getLast();
        assertThat(finished.counts()).isEqualTo(run.counts());
        assertThat(finished.lastRecordSavedAt()).isNotNull();
    }

    @Test
    void anAgentConditionImportsOnlyThatAgentsConversationsIgnoringCaseAndSpaces() {
        var integration = connect(conditions(new FilterCondition(FilterField.AGENT, null, "ALICE")));
        runAndExpect(integration, referencesWhere(c -> norm(c.agent()).equals("alice")));
        assertThat(stored(integration)).extracting(ImportedContact::agent).containsOnly("Alice", "alice ");
    }

    @Test
    void aStatusConditionImportsOnlyConversationsInThatStatus() {
        var integration = connect(conditions(new FilterCondition(FilterField.STATUS, null, "closed")));
        runAndExpect(integration, referencesWhere(c -> norm(c.status()).equals("closed")));
    }

    @Test
    void statusCriteriaWithoutConditionsWorkTheSameWay() {
        var integration = connect(new ImportFilters(List.of(), null, Set.of("open")));
        runAndExpect(integration, referencesWhere(c -> norm(c.status()).equals("open")));
    }

    @Test
    void aCustomFieldConditionMatchesTheFieldByNameAndValueIgnoringCase() {
        var integration = connect(conditions(new FilterCondition(FilterField.CUSTOM_FIELD, "priority", "high")));
        List<String> expected = referencesWhere(c -> "high".equals(norm(field(c, "priority"))));
        runAndExpect(integration, expected);
        assertThat(stored(integration)).allSatisfy(c -> assertThat(norm(field(c.customFields(), "priority"))).isEqualTo("high"));
    }

    @Test
    void aCustomFieldConditionExcludesConversationsWithoutThatField() {
        var integration = connect(conditions(new FilterCondition(FilterField.CUSTOM_FIELD, "Region", "eu")));
        runAndExpect(integration, referencesWhere(c -> "eu".equals(norm(field(c, "region")))));

        var withoutField = connect(conditions(new FilterCondition(FilterField.CUSTOM_FIELD, "team", "support")));
        scheduled.runScheduled(withoutField.id());
        assertThat(stored(withoutField)).isEmpty();
        assertThat(lastRun(withoutField).counts()).isEqualTo(new ImportCounts(12, 0, 0, 12, 0, 0));
        assertThat(events.of(ImportRunFinished.class, withoutField.id()).getLast().lastRecordSavedAt())
                .as("nothing saved: the Platforms tab shows No data").isNull();
    }

    @Test
    void agentStatusCustomFieldTagAndChannelMustAllHold() {
        var integration = connect(new ImportFilters(List.of(new FilterCondition(FilterField.AGENT, null, "alice"),
                new FilterCondition(FilterField.CUSTOM_FIELD, "region", "EU"),
                new FilterCondition(FilterField.CHANNEL, null, "chat")), null, Set.of("closed")));
        runAndExpect(integration, referencesWhere(c -> norm(c.agent()).equals("alice")
                && "eu".equals(norm(field(c, "region"))) && c.channel().equals("chat")
                && norm(c.status()).equals("closed")));

        var tagged = connect(conditions(new FilterCondition(FilterField.TAG, null, "VIP"),
                new FilterCondition(FilterField.STATUS, null, "open")));
        runAndExpect(tagged, referencesWhere(c -> c.tags().contains("vip") && norm(c.status()).equals("open")));
    }

    @Test
    void aChangedFilterAppliesToLaterRunsOnlyUntilABackfill() {
        var integration = connect(conditions(new FilterCondition(FilterField.AGENT, null, "Bob")));
        List<String> bobs = referencesWhere(c -> norm(c.agent()).equals("bob"));
        runAndExpect(integration, bobs);

        // The filter now also lets Carol's conversations through; nothing new at the source.
        integrations.with(integration, Lifecycle.ACTIVE, conditions(
                new FilterCondition(FilterField.CUSTOM_FIELD, "region", "US")));
        clock.advance(Duration.ofHours(2));
        scheduled.runScheduled(integration.id());
        assertThat(lastRun(integration).counts().fetched()).isZero();
        assertThat(stored(integration)).extracting(ImportedContact::reference).containsExactlyInAnyOrderElementsOf(bobs);

        // A changed conversation is judged by the current filter.
        SourceConversation last = sourceData.getLast();
        assertThat(field(last, "region")).as("F-11 is in the US").isEqualTo("US");
        script.add(new SourceConversation(last.reference(), last.channel(), last.agent(), last.status(), last.tags(),
                last.customFields(), "Changed subject", last.createdAt(), last.updatedAt().plusSeconds(3600)));
        clock.advance(Duration.ofHours(2));
        scheduled.runScheduled(integration.id());
        assertThat(stored(integration)).extracting(ImportedContact::reference)
                .containsExactlyInAnyOrderElementsOf(distinct(bobs, List.of(last.reference())));
        assertThat(lastRun(integration).counts().fetched()).isEqualTo(1);
    }

    @Test
    void aContactImportedBeforeIsRefreshedWhenReopenedThoughTheStatusCriteriaNoLongerMatch() {
        var integration = connect(new ImportFilters(List.of(), null, Set.of("closed")));
        List<String> closed = referencesWhere(c -> norm(c.status()).equals("closed"));
        runAndExpect(integration, closed);

        // F-0 is re-opened at the source, F-1 (never imported: it was open) changes and is still open
        SourceConversation f0 = sourceData.getFirst();
        SourceConversation f1 = sourceData.get(1);
        assertThat(norm(f0.status())).isEqualTo("closed");
        assertThat(norm(f1.status())).isEqualTo("open");
        script.add(new SourceConversation(f0.reference(), f0.channel(), f0.agent(), "open", f0.tags(), f0.customFields(),
                f0.subject(), f0.createdAt(), f0.updatedAt().plusSeconds(3600)));
        script.add(new SourceConversation(f1.reference(), f1.channel(), f1.agent(), "open", f1.tags(), f1.customFields(),
                "Still open", f1.createdAt(), f1.updatedAt().plusSeconds(3600)));
        clock.advance(Duration.ofHours(2));
        scheduled.runScheduled(integration.id());

        assertThat(lastRun(integration).counts()).isEqualTo(new ImportCounts(2, 0, 1, 1, 0, 0));
        ImportedContact reopened = stored(integration).stream().filter(c -> c.reference().equals(f0.reference()))
                .findFirst().orElseThrow();
        assertThat(reopened.status()).as("the record shows the source's current status").isEqualTo("open");
        assertThat(reopened.lastRefreshedAt()).isNotNull();
        assertThat(stored(integration)).extracting(ImportedContact::reference).doesNotContain(f1.reference())
                .containsExactlyInAnyOrderElementsOf(closed);

        // importing them one by one answers the same way: unchanged since the refresh / excluded
        assertThat(manual.importOne(account, integration.id(), f0.reference(), "ada").kind())
                .isEqualTo(io.syncwatch.imports.application.port.in.SingleImportAnswer.Kind.ALREADY_PRESENT);
        assertThat(manual.importOne(account, integration.id(), f1.reference(), "ada").kind())
                .isEqualTo(io.syncwatch.imports.application.port.in.SingleImportAnswer.Kind.EXCLUDED_BY_FILTER);
    }

    static List<String> distinct(List<String> a, List<String> b) {
        var all = new java.util.LinkedHashSet<String>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
