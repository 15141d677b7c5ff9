package io.syncwatch.imports.adapter.out.source.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.syncwatch.imports.ImportRefusal;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportOperations;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.ImportsTest;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer.Kind;
import io.syncwatch.imports.connector.SimulatedPlatform;
import io.syncwatch.imports.connector.SimulatedSource;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Freshdesk end to end through the imports module, against {@link SimulatedFreshdesk} on WireMock:
 * the real connector bean (its base-url pointed at the simulated helpdesk) in the connect wizard's
 * catalogue and its connection test, then Run now through the pipeline into the database: filters,
 * a broken ticket counted, an update at the source refreshing the contact, a rate limit ending the
 * run with Freshdesk's wait and the next run resuming, Import one by ticket ID.
 */
@ImportsTest
class FreshdeskImportTest {

    static final SimulatedPlatform FRESHDESK = new SimulatedPlatform(SimulatedFreshdesk::answer);
    static final WireMockServer SERVER = FRESHDESK.startServer();
    static final Map<String, String> CREDENTIALS = Map.of("domain", "acme", "apiKey", "fd-key-42");
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Tickets created after the start date (the simulated source creates each two days before its update). */
    static final Instant T0 = START.plus(Duration.ofDays(3));

    @DynamicPropertySource
    static void freshdeskIsTheSimulatedHelpdesk(DynamicPropertyRegistry registry) {
        registry.add("syncwatch.connectors.freshdesk.base-url", () -> "http://127.0.0.1:" + SERVER.port() + "/fd/{domain}");
        registry.add("syncwatch.connectors.freshdesk.backoff", () -> "10ms");
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ImportOperations operations;
    @Autowired ManualImports manual;
    @Autowired ImportedContacts contacts;
    @Autowired SourcePlatformCatalog catalog;
    @Autowired RecordedEvents events;

    SimulatedSource source;
    AccountId account;

    @BeforeEach
    void freshHelpdesk() {
        source = new SimulatedSource();
        FRESHDESK.serve(source);
        account = accounts.createWithAllFeatures().id();
    }

    RunSummary runNow(IntegrationSnapshot integration) {
        // the previous run's record is finished a moment before the scheduler releases its execution;
        // a Run now in between is refused as "already running" (seen under load), so the next one waits for the release
        var run = await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(e -> e instanceof ImportRefusal.CannotRun
                && e.getMessage().contains("already running")).until(() -> operations.runNow(account, integration.id(), "ada@example.test"),
                        java.util.Objects::nonNull);
        await().atMost(Duration.ofSeconds(30)).until(() -> !manual.run(account, run).orElseThrow().running());
        return manual.run(account, run).orElseThrow();
    }

    List<ImportedContact> stored(IntegrationSnapshot integration) {
        return contacts.search(account, new ContactSearch("", true, integration.id(), null, null, null), 0, 1000);
    }

    ImportedContact stored(IntegrationSnapshot integration, String reference) {
        return stored(integration).stream().filter(c -> c.reference().equals(reference)).findFirst().orElseThrow();
    }

    @Test
    void freshdeskIsOfferedByTheConnectWizardAndItsConnectionTestReachesTheHelpdesk() {
        assertThat(catalog.platforms()).filteredOn(p -> p.key().equals("freshdesk")).singleElement().satisfies(p -> {
            assertThat(p.displayName()).isEqualTo("Freshdesk");
            assertThat(p.credentialFields()).extracting(CredentialField::key, CredentialField::secret)
                    .containsExactly(tuple("domain", false), tuple("apiKey", true));
            assertThat(p.supportsSingleConversationImport()).isTrue();
            assertThat(p.referenceLabel()).isEqualTo("Ticket ID");
            assertThat(p.defaultStatusCriteria()).containsExactlyInAnyOrder("resolved", "closed");
        });
        assertThat(catalog.platforms()).extracting(p -> p.key()).contains("zendesk", "intercom", "demo");

        assertThat(catalog.testConnection("freshdesk", new SourceCredentials(CREDENTIALS)))
                .isEqualTo(ConnectionCheck.success("Connected to acme.freshdesk.com as ada@acme.test (Ada Agent)"));
        source.interruptNext(1, ok -> aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"invalid_credentials\", \"message\": \"You have to be logged in to perform this action.\"}"));
        assertThat(catalog.testConnection("freshdesk", new SourceCredentials(CREDENTIALS))).isEqualTo(ConnectionCheck.failed(
                "Authentication failed", "Freshdesk rejected the API key (HTTP 401: You have to be logged in to perform this "
                        + "action.). Reconnect with a valid API key."));
    }

    @Test
    void ticketsAreImportedThroughThePipelineRefreshedWhenUpdatedAndAfterARateLimitTheNextRunResumes() {
        source.add(400, "closed", START.minus(Duration.ofHours(1)));
        source.add(501, "resolved", T0.plus(Duration.ofHours(1)));
        source.add(502, "open", T0.plus(Duration.ofHours(2)));
        source.addMalformed(503, T0.plus(Duration.ofHours(3)));
        source.add(504, "closed", T0.plus(Duration.ofHours(4)));
        var integration = integrations.connect(account, "freshdesk",
                new ImportFilters(List.of(), LocalDate.parse("2026-01-01"), Set.of("resolved", "closed")), CREDENTIALS);

        RunSummary first = runNow(integration);
        assertThat(first.outcome()).isEqualTo(RunOutcome.SUCCEEDED_WITH_WARNINGS);
        assertThat(first.counts()).as("fetched, imported, refreshed, by filter, duplicates, broken")
                .isEqualTo(new ImportCounts(4, 2, 0, 1, 0, 1));
        assertThat(first.message()).isEqualTo(
                "Record '503' was skipped: its created_at/updated_at is not an ISO-8601 timestamp ('yesterday')");
        assertThat(stored(integration)).extracting(ImportedContact::reference).containsExactlyInAnyOrder("501", "504");
        ImportedContact closed = stored(integration, "504");
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.channel()).isEqualTo("email");
        assertThat(closed.customFields()).containsEntry("cf_region", "EU");
        assertThat(closed.tags()).containsExactlyInAnyOrder("refund", "vip");

        source.update(501, "closed", T0.plus(Duration.ofHours(10)));
        RunSummary second = runNow(integration);
        assertThat(second.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(second.counts()).as("only the update, no duplicate").isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0));
        assertThat(stored(integration, "501")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("closed");
            assertThat(c.lastRefreshedAt()).isNotNull();
        });

        source.add(505, "closed", T0.plus(Duration.ofHours(11)));
        source.interruptNext(1, ok -> aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("X-RateLimit-Total", "400").withHeader("X-RateLimit-Remaining", "0"));
        RunSummary limited = runNow(integration);
        assertThat(limited.outcome()).isEqualTo(RunOutcome.RATE_LIMITED);
        assertThat(limited.failureCategory()).isEqualTo(FailureCategory.RATE_LIMITED);
        assertThat(limited.message()).isEqualTo("Freshdesk's rate limit was reached (HTTP 429, limit 400 calls per window).");
        assertThat(events.of(ImportRunFinished.class, integration.id())).last().satisfies(e -> assertThat(e.nextRunAt())
                .as("after Freshdesk's Retry-After").isEqualTo(e.finishedAt().plusSeconds(120)));

        RunSummary resumed = runNow(integration);
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(resumed.counts().imported()).isEqualTo(1);
        assertThat(stored(integration)).extracting(ImportedContact::reference).containsExactlyInAnyOrder("501", "504", "505");

        assertThat(manual.importOne(account, integration.id(), "504", "ada").kind()).isEqualTo(Kind.ALREADY_PRESENT);
        assertThat(manual.importOne(account, integration.id(), "999", "ada").message())
                .isEqualTo("Conversation '999' was not found at the source");
    }
}
