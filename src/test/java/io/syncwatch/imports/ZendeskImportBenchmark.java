package io.syncwatch.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.application.ImportPipeline;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Imports N Zendesk-shaped tickets (default 100,000; {@code -Dbench.size=}) served by a loopback
 * WireMock stub of the incremental export (pages of 1,000) through the real Zendesk connector
 * (HTTP, JSON parsing, mapping) and the pipeline into the real database, and the same tickets
 * from an in-memory source through the same pipeline; prints tickets/s and the ratio. Both sources
 * are imported once first to warm up (not measured), then twice each, taking turns.
 * Run: {@code ./mvnw -Pbench -Dtest=ZendeskImportBenchmark test}.
 */
@org.junit.jupiter.api.condition.EnabledIf(value = "io.syncwatch.imports.ImportBenchmark#requested",
        disabledReason = "a benchmark: run with -Pbench (or -Dbench.size=N)")
@SpringBootTest(properties = { "syncwatch.imports.page-size=1000", "syncwatch.imports.scheduler.enabled=false" })
@Import({ TestAccounts.class, SignedIn.class, ImportsFixtures.class, ZendeskImportBenchmark.InMemory.class })
class ZendeskImportBenchmark {

    static final int SIZE = Integer.getInteger("bench.size", 100_000);
    static final int PAGE = 1000;
    static final long START = 1767225600L;
    static final WireMockServer ZENDESK = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());

    static {
        ZENDESK.start();
        for (int from = 0; from < SIZE; from += PAGE) {
            int to = Math.min(SIZE, from + PAGE);
            StringBuilder tickets = new StringBuilder();
            for (int i = from; i < to; i++) {
                tickets.append(i == from ? "" : ",").append(ticketJson(i));
            }
            String body = "{\"tickets\": [" + tickets + "], \"after_url\": \"x\", \"after_cursor\": \"c" + to
                    + "\", \"before_url\": null, \"before_cursor\": null, \"end_of_stream\": " + (to >= SIZE) + "}";
            var request = get(urlPathEqualTo("/bench/api/v2/incremental/tickets/cursor.json"));
            request = from == 0 ? request.withQueryParam("start_time", equalTo(Long.toString(START)))
                    : request.withQueryParam("cursor", equalTo("c" + from));
            ZENDESK.stubFor(request.willReturn(okJson(body)));
        }
    }

    @DynamicPropertySource
    static void zendesk(DynamicPropertyRegistry registry) {
        registry.add("syncwatch.connectors.zendesk.base-url", () -> "http://127.0.0.1:" + ZENDESK.port() + "/{subdomain}");
    }

    @AfterAll
    static void stop() {
        ZENDESK.stop();
    }

    static String ticketJson(int i) {
        return """
                {"id": %d, "subject": "Ticket %d", "status": "closed", "assignee_id": %d, "tags": ["tag%d", "vip"],
                 "via": {"channel": "%s"}, "custom_fields": [{"id": 360001, "value": "%s"}, {"id": 360002, "value": null}],
                 "created_at": "%s", "updated_at": "%s"}""".formatted(i + 1, i, 1000 + i % 17, i % 5,
                i % 2 == 0 ? "email" : "web", i % 3 == 0 ? "EU" : "US", Instant.ofEpochSecond(START + i - 60),
                Instant.ofEpochSecond(START + i));
    }

    /** The same tickets, already mapped, from memory. */
    @TestConfiguration(proxyBeanMethods = false)
    static class InMemory {
        @Bean
        SourcePlatformConnector inMemoryTickets() {
            return new SourcePlatformConnector() {
                @Override
                public PlatformDescriptor descriptor() {
                    return new PlatformDescriptor("in-memory", "In memory", "benchmark", List.of(), false, "ID",
                            EnumSet.allOf(FilterField.class), List.of("closed"), Set.of("closed"));
                }

                @Override
                public String testConnection(SourceCredentials credentials) {
                    return "ok";
                }

                @Override
                public SourcePage fetchChanges(SourceRequest request) {
                    int from = request.checkpoint() == null ? 0 : Integer.parseInt(request.checkpoint());
                    int to = Math.min(SIZE, from + PAGE);
                    List<SourceRecord> page = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        page.add(SourceRecord.valid(new SourceConversation(Long.toString(i + 1), i % 2 == 0 ? "email" : "web",
                                Long.toString(1000 + i % 17), "closed", Set.of("tag" + (i % 5), "vip"),
                                Map.of("360001", i % 3 == 0 ? "EU" : "US"), "Ticket " + i,
                                Instant.ofEpochSecond(START + i - 60), Instant.ofEpochSecond(START + i))));
                    }
                    return SourcePage.of(page, Integer.toString(to), to >= SIZE);
                }

                @Override
                public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) {
                    return Optional.empty();
                }
            };
        }
    }

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ImportPipeline pipeline;
    @Autowired io.syncwatch.imports.application.port.out.ImportIntegrations projection;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Seconds one import took, and what it stored. */
    record Timed(double seconds, long stored) {
    }

    @Test
    void zendeskTicketsThroughTheRealConnectorAgainstTheSameTicketsFromMemory() {
        AccountId account = accounts.createWithAllFeatures().id();
        var filters = new ImportFilters(List.of(), LocalDate.parse("2026-01-01"), Set.of("closed", "solved"));

        Map<String, String> zendeskCreds = Map.of("subdomain", "bench", "email", "bench@example.test", "apiToken", "bench-token");
        // warm-up: one import from each source, not measured, so that neither side pays for a cold JIT
        Timed warmMemory = importAll(account, "in-memory", filters, Map.of());
        Timed warmZendesk = importAll(account, "zendesk", filters, zendeskCreds);
        // measured: the sources take turns, each first once (in-memory, Zendesk, Zendesk, in-memory)
        Timed memoryRun = importAll(account, "in-memory", filters, Map.of());
        Timed zendeskRun = importAll(account, "zendesk", filters, zendeskCreds);
        Timed zendeskRun2 = importAll(account, "zendesk", filters, zendeskCreds);
        Timed memoryRun2 = importAll(account, "in-memory", filters, Map.of());
        // the comparison is fair only if both paths store the same tickets
        assertThat(memoryRun.stored()).isPositive();
        assertThat(List.of(warmMemory.stored(), warmZendesk.stored(), zendeskRun.stored(), memoryRun2.stored(), zendeskRun2.stored()))
                .containsOnly(memoryRun.stored());
        double inMemory = memoryRun.seconds() + memoryRun2.seconds();
        double zendesk = zendeskRun.seconds() + zendeskRun2.seconds();

        String load;
        try {
            load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            load = "n/a";
        }
        System.out.printf("%n=== ZendeskImportBenchmark (%,d tickets, pages of %,d; both sources warmed up first, then alternating;"
                + " %s; load average %s) ===%n", SIZE, PAGE, java.time.Instant.now(), load);
        System.out.printf("in-memory source through the pipeline: %,.0f tickets/s (runs: %.1f s, %.1f s)%n", 2 * SIZE / inMemory,
                memoryRun.seconds(), memoryRun2.seconds());
        System.out.printf("Zendesk connector over loopback HTTP (JSON parse + map) through the pipeline: %,.0f tickets/s (runs: %.1f s, %.1f s)%n",
                2 * SIZE / zendesk, zendeskRun.seconds(), zendeskRun2.seconds());
        double ratio = inMemory / zendesk;
        System.out.printf("ratio Zendesk/in-memory: %.0f%%%n", 100 * ratio);
        System.out.printf("target: Zendesk >= 50%% of the in-memory source (%.0f%%) -> %s%n", 100 * ratio, ratio >= 0.5 ? "PASS" : "FAIL");
    }

    private Timed importAll(AccountId account, String platform, ImportFilters filters, Map<String, String> creds) {
        var snapshot = integrations.connect(account, platform, filters, creds);
        ImportIntegration integration = projection.find(snapshot.id()).orElseThrow();
        long t = System.nanoTime();
        var run = pipeline.open(integration, RunTrigger.MANUAL, "benchmark", null);
        var outcome = pipeline.execute(integration, run, RunTrigger.MANUAL, null, () -> false, null);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("  %s: %s in %.1f s%n", platform, outcome, seconds);
        assertThat(outcome).as("%s import", platform).isEqualTo(io.syncwatch.imports.RunOutcome.SUCCEEDED);
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM import_contact WHERE integration_id = ?", Long.class,
                snapshot.id().value());
        return new Timed(seconds, stored);
    }
}
