package io.syncwatch.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.application.ImportPipeline;
import io.syncwatch.imports.application.port.in.ImportedContacts;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Imports N conversations (default 1,000,000; {@code -Dbench.size=}) from an in-memory source
 * through filters and de-duplication into the real database, against a plain batched multi-row
 * JDBC insert of the same rows; then imports them again (all duplicates); then times searches by
 * reference and prints the query plans. Run: {@code ./mvnw -Pbench -Dtest=ImportBenchmark test}.
 */
@SpringBootTest(properties = { "syncwatch.imports.page-size=1000", "syncwatch.imports.scheduler.enabled=false" })
@org.junit.jupiter.api.condition.EnabledIf(value = "io.syncwatch.imports.ImportBenchmark#requested",
        disabledReason = "a benchmark: run with -Pbench (or -Dbench.size=N)")
@Import({ TestAccounts.class, SignedIn.class, ImportsFixtures.class, ImportBenchmark.Source.class })
class ImportBenchmark {

    static final int SIZE = Integer.getInteger("bench.size", 1_000_000);
    static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    /** Only under the bench profile (which limits the heap to 512 MB) or when a size is given, never in a test pattern run. */
    static boolean requested() {
        return System.getProperty("bench.size") != null || Runtime.getRuntime().maxMemory() <= 600L * 1024 * 1024;
    }

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ImportPipeline pipeline;
    @Autowired ImportedContacts contacts;
    @Autowired JdbcTemplate jdbc;
    @Autowired io.syncwatch.imports.application.port.out.ImportIntegrations projection;

    /** Generates conversation i on demand: nothing is held in memory. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Source {
        @Bean
        SourcePlatformConnector syntheticConnector() {
            return new SourcePlatformConnector() {
                @Override
                public PlatformDescriptor descriptor() {
                    return new PlatformDescriptor("synthetic", "Synthetic", "benchmark", List.of(), false, "ID",
                            EnumSet.allOf(FilterField.class), List.of("closed"), Set.of("closed"));
                }

                @Override
                public String testConnection(SourceCredentials credentials) {
                    return "ok";
                }

                @Override
                public SourcePage fetchChanges(SourceRequest request) {
                    int from = request.checkpoint() == null ? 0 : Integer.parseInt(request.checkpoint());
                    int to = Math.min(SIZE, from + request.pageSize());
                    List<SourceRecord> page = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        page.add(SourceRecord.valid(conversation(i)));
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

    static SourceConversation conversation(int i) {
        Instant at = ORIGIN.plusSeconds(i);
        return new SourceConversation("BM-" + (10_000_000 + i), i % 2 == 0 ? "chat" : "email", "Agent " + (i % 17),
                "closed", Set.of("tag" + (i % 5)), Map.of("region", i % 3 == 0 ? "EU" : "US"), "Subject " + i,
                at.minusSeconds(60), at);
    }

    @Test
    void importsAMillionConversations() {
        AccountId account = accounts.createWithAllFeatures().id();
        // every conversation passes these filters (each is evaluated, none excludes), so both sides store the same rows
        var filters = new ImportFilters(List.of(new FilterCondition(FilterField.STATUS, null, "closed")),
                java.time.LocalDate.parse("2025-12-01"), Set.of("closed", "solved"));
        var snapshot = integrations.connect(account, "synthetic", filters, Map.of());
        ImportIntegration integration = projection.find(snapshot.id()).orElseThrow();
        System.gc();

        long t = System.nanoTime();
        var run = pipeline.open(integration, RunTrigger.MANUAL, "benchmark", null);
        var outcome = pipeline.execute(integration, run, RunTrigger.MANUAL, null, () -> false, null);
        double pipelineSeconds = seconds(t);
        long stored = contacts.count(account, new ContactSearch("", true, snapshot.id(), null, null, null));

        long baselineIntegration = ThreadLocalRandom.current().nextLong(9_100_000_000_000L, 9_200_000_000_000L);
        t = System.nanoTime();
        baselineInsert(account, baselineIntegration);
        double baselineSeconds = seconds(t);

        t = System.nanoTime();
        var again = pipeline.open(integration, RunTrigger.BACKFILL, "benchmark", ORIGIN.minusSeconds(1));
        var againOutcome = pipeline.execute(integration, again, RunTrigger.BACKFILL, ORIGIN.minusSeconds(1), () -> false,
                null);
        double secondSeconds = seconds(t);

        System.out.printf("%n=== ImportBenchmark (%,d conversations) ===%n", SIZE);
        System.out.printf("pipeline (filters + dedup + upsert + checkpoint per page): %s, %,d stored, %.1f s, %,.0f contacts/s%n",
                outcome, stored, pipelineSeconds, SIZE / pipelineSeconds);
        System.out.printf("baseline (plain multi-row JDBC insert, 1000 rows/statement): %.1f s, %,.0f contacts/s%n",
                baselineSeconds, SIZE / baselineSeconds);
        System.out.printf("ratio pipeline/baseline: %.0f%%%n", 100 * baselineSeconds / pipelineSeconds);
        System.out.printf("second import, all duplicates: %s, %.1f s, %,.0f contacts/s (%.1fx faster than the first)%n",
                againOutcome, secondSeconds, SIZE / secondSeconds, pipelineSeconds / secondSeconds);
        System.out.printf("max heap: %d MB, used now: %d MB%n", Runtime.getRuntime().maxMemory() >> 20,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);

        // the ratio compares equal work: every conversation stored once by each side, none twice
        assertThat(outcome).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(stored).isEqualTo(SIZE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_contact WHERE integration_id = ?", Long.class,
                baselineIntegration)).isEqualTo(SIZE);
        assertThat(againOutcome).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(contacts.count(account, new ContactSearch("", true, snapshot.id(), null, null, null))).isEqualTo(SIZE);

        search(account);

        jdbc.update("DELETE FROM import_contact WHERE integration_id = ?", baselineIntegration);
    }

    private void search(AccountId account) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM import_contact", Long.class);
        int queries = 200;
        long t = System.nanoTime();
        for (int q = 0; q < queries; q++) {
            String ref = "BM-" + (10_000_000 + ThreadLocalRandom.current().nextInt(SIZE));
            assertThat(contacts.search(account, new ContactSearch(ref, false, null, null, null, null), 0, 50))
                    .as("exact search of %s", ref).isNotEmpty();
        }
        double exactMs = seconds(t) * 1000 / queries;
        t = System.nanoTime();
        for (int q = 0; q < queries; q++) {
            String prefix = "BM-" + (10_000_000 + ThreadLocalRandom.current().nextInt(SIZE)) / 100;
            contacts.search(account, new ContactSearch(prefix, true, null, null, null, null), 0, 50);
        }
        double prefixMs = seconds(t) * 1000 / queries;
        System.out.printf("contacts search over %,d rows in import_contact: exact %.2f ms, prefix %.2f ms (avg of %d)%n",
                total, exactMs, prefixMs, queries);
        for (String sql : List.of(
                "EXPLAIN SELECT * FROM import_contact WHERE account_id = ? AND source_reference = ? ORDER BY source_reference, id LIMIT 50",
                "EXPLAIN SELECT * FROM import_contact WHERE account_id = ? AND source_reference LIKE ? ORDER BY source_reference, id LIMIT 50")) {
            System.out.println(sql);
            jdbc.queryForList(sql, account.value(), sql.contains("LIKE") ? "BM-10012%" : "BM-10012345")
                    .forEach(row -> System.out.println("  " + row));
        }
    }

    private void baselineInsert(AccountId account, long integration) {
        int chunk = 1000;
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        String sql = "INSERT INTO import_contact (account_id, integration_id, source_reference, channel, agent, status, "
                + "subject, tags, custom_fields, source_created_at, source_updated_at, first_imported_at) VALUES "
                + (row + ", ").repeat(chunk - 1) + row;
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 0; from < SIZE; from += chunk) {
            int n = Math.min(chunk, SIZE - from);
            Object[] args = new Object[n * 12];
            int a = 0;
            for (int i = from; i < from + n; i++) {
                SourceConversation c = conversation(i);
                args[a++] = account.value();
                args[a++] = integration;
                args[a++] = c.reference();
                args[a++] = c.channel();
                args[a++] = c.agent();
                args[a++] = c.status();
                args[a++] = c.subject();
                args[a++] = String.join(",", c.tags());
                args[a++] = "region=" + c.customFields().get("region");
                args[a++] = Timestamp.from(c.createdAt());
                args[a++] = Timestamp.from(c.updatedAt());
                args[a++] = now;
            }
            jdbc.update(n == chunk ? sql
                    : sql.substring(0, sql.indexOf("VALUES ") + 7) + (row + ", ").repeat(n - 1) + row, args);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
