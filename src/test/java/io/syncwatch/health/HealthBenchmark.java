package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.application.port.in.HealthTracking;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * One account with N integrations (default 5,000; {@code -Dbench.integrations=}) and M runs in
 * the import history (default 5,000,000; {@code -Dbench.runs=}): the Platforms tab's first page
 * sorted by status (also what the states API list reads) against reading the same number of
 * rows from one indexed table, side by side; then the statements one run-finished event costs.
 * Run: {@code ./mvnw -Pbench -Dtest=HealthBenchmark test}.
 */
@org.junit.jupiter.api.condition.EnabledIf(value = "io.syncwatch.imports.ImportBenchmark#requested",
        disabledReason = "a benchmark: run with -Pbench (or -Dbench.size=N)")
@SpringBootTest(properties = "syncwatch.imports.scheduler.enabled=false")
@Import({ TestAccounts.class, SignedIn.class })
class HealthBenchmark {

    static final int INTEGRATIONS = Integer.getInteger("bench.integrations", 5_000);
    static final int RUNS = Integer.getInteger("bench.runs", 5_000_000);
    static final int PAGE = 50;
    static final int REPEAT = 300;

    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired HealthQueries queries;
    @Autowired HealthTracking tracking;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void platformsFirstPageAndOneRunFinishedUpdate() {
        TestAccount account = accounts.createWithAllFeatures();
        long base = 5_000_000_000L + System.nanoTime() % 1_000_000_000L;
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        String[] states = { "ACTIVE", "SYNC_FAILING", "SYNC_HAS_WARNINGS", "INACTIVE", "AUTHENTICATION_FAILING" };
        int[] ranks = { 3, 0, 1, 2, 0 };
        for (int i = 0; i < INTEGRATIONS; i++) {
            rows.add(new Object[] { base + i, account.id().value(), "Integration " + i, "demo", "HOURLY", 60, "ACTIVE",
                    Timestamp.from(now), states[i % 5], states[i % 5], ranks[i % 5], false, Timestamp.from(now),
                    Timestamp.from(now), "message " + i, false, true });
        }
        jdbc.batchUpdate("INSERT INTO health_record (integration_id, account_id, name, platform, schedule, schedule_minutes,"
                + " lifecycle, connected_at, run_state, detailed_state, summary_rank, deleted, last_ran_at,"
                + " last_data_imported_at, message, running, first_run_done) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        long existingRuns = jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Long.class);
        for (long r = existingRuns; r < RUNS; r += 10_000) {
            long n = Math.min(10_000, RUNS - r);
            StringBuilder sql = new StringBuilder("INSERT INTO import_run (account_id, integration_id, run_trigger, actor, state,"
                    + " first_run, started_at) VALUES ");
            for (long k = 0; k < n; k++) {
                sql.append(k == 0 ? "" : ",").append("(").append(account.id().value()).append(",")
                        .append(base + (r + k) % INTEGRATIONS).append(",'SCHEDULED','bench','SUCCEEDED',false,'2026-01-01 00:00:00')");
            }
            jdbc.update(sql.toString());
        }
        long runs = jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Long.class);

        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        var all = new HealthFilter(Set.of(), "", false);
        // what is timed: a full first page, most urgent first (rank 0 = Error), of this account only
        var firstPage = queries.page(all, List.of(HealthSort.byStatus()), 0, PAGE);
        assertThat(firstPage).hasSize(PAGE).allMatch(r -> r.accountId().equals(account.id()));
        assertThat(firstPage.getFirst().state().summary()).isEqualTo(SummaryStatus.ERROR);
        for (int w = 0; w < 50; w++) {
            queries.page(all, List.of(HealthSort.byStatus()), 0, PAGE);
            baseline(base);
        }
        long t = System.nanoTime();
        for (int q = 0; q < REPEAT; q++) {
            queries.page(all, List.of(HealthSort.byStatus()), 0, PAGE);
        }
        double pageMs = (System.nanoTime() - t) / 1e6 / REPEAT;
        t = System.nanoTime();
        for (int q = 0; q < REPEAT; q++) {
            baseline(base);
        }
        double baselineMs = (System.nanoTime() - t) / 1e6 / REPEAT;

        Map<String, Long> before = counters();
        IntegrationId target = IntegrationId.of(base + 7);
        Instant finished = now.plusSeconds(60); // later than the seeded last_ran_at, so its effect shows
        tx.executeWithoutResult(s -> tracking.runFinished(new ImportRunFinished(new ImportRunId(1), target, account.id(),
                RunTrigger.SCHEDULED, RunOutcome.SUCCEEDED, null, "ok", new ImportCounts(1, 1, 0, 0, 0, 0), finished, false,
                finished.minusSeconds(2), finished, finished.plusSeconds(3600))));
        Map<String, Long> after = counters();
        assertThat(runs).isGreaterThanOrEqualTo(RUNS);
        assertThat(queries.find(account.id(), target).orElseThrow().lastRanAt()).as("the event updated its record")
                .isCloseTo(finished, org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
        signedIn.signOut();

        System.out.printf("%n=== HealthBenchmark (%,d integrations in one account, %,d runs in import_run) ===%n",
                INTEGRATIONS, runs);
        System.out.printf("Platforms tab / states API first page (%d rows, sorted by status then name): %.3f ms%n", PAGE, pageMs);
        System.out.printf("baseline: the same number of rows read from one indexed table (health_record, primary-key range): %.3f ms%n",
                baselineMs);
        System.out.printf("ratio page/baseline: %.2fx (target: within 2x)%n", pageMs / baselineMs);
        System.out.printf("one run-finished event: %d SELECT, %d UPDATE, %d INSERT statements on the server "
                + "(global counters; includes the event publication registry)%n",
                after.get("Com_select") - before.get("Com_select"), after.get("Com_update") - before.get("Com_update"),
                after.get("Com_insert") - before.get("Com_insert"));
        var plan = jdbc.queryForList("EXPLAIN SELECT * FROM health_record WHERE account_id = ? AND deleted = FALSE "
                + "ORDER BY summary_rank, name LIMIT 50", account.id().value());
        plan.forEach(r -> System.out.println("  " + r));
        assertThat(plan).singleElement().satisfies(r -> {
            assertThat(r.get("key")).isEqualTo("ix_health_record_account_status");
            assertThat(String.valueOf(r.get("Extra"))).doesNotContain("filesort");
        });
    }

    /** The same number of rows by a primary-key range of the same table, mapped to maps. */
    private void baseline(long firstId) {
        jdbc.queryForList("SELECT * FROM health_record WHERE integration_id >= ? AND integration_id < ? ORDER BY integration_id",
                firstId, firstId + PAGE);
    }

    private Map<String, Long> counters() {
        Map<String, Long> m = new java.util.HashMap<>();
        jdbc.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_update', 'Com_insert')",
                rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                });
        return m;
    }
}
