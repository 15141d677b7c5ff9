package io.syncwatch.agentrequests;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.Employee;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Load on loopback against the running app and the real database: concurrent clients send a mix
 * of valid and invalid Connect requests, beside a no-op endpoint of the same app measured in the
 * same run; then the Invalid Requests grid's first page over many logged rows, with its plan.
 * <p>
 * Realistic, not warm (issue 20): {@code -Dbench.accounts} (1,000) accounts with 5 keys each (2 test,
 * 3 production) and 10 employees each (10,000); every request picks a random account, key and
 * employee (one in five unknown), so the 5-second caches of keys, settings and employees miss as
 * they would in production. The per-key rate limit is the default (50/s): the load is spread over
 * the 5,000 keys. A logged request missing from the log fails the benchmark.
 * Sizes: -Dbench.clients (16), -Dbench.seconds (15 per round; -Dbench.rounds (3) alternating rounds of each endpoint),
 * -Dbench.warmupSeconds (30), -Dbench.maxRequests (unbounded), -Dbench.logRows (2,000,000 for the grid's page),
 * -Dbench.reuse=true (use the accounts an earlier run seeded into the same database, see {@link #REUSE}).
 * Targets (issue 6, 20): Requests API ≥ 2,000 req/s, p99 < 50 ms, ≥ 0.4× the no-op endpoint, nothing lost.
 * Run: ./mvnw -o -Pbench -Dtest=AgentRequestsLoadBenchmark test
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestAccounts.class, SignedIn.class, AgentRequestsLoadBenchmark.NoOpEndpoint.class })
class AgentRequestsLoadBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    /** Measured seconds per round and endpoint. */
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    /** Warm-up per endpoint: long enough for the JIT to finish (C2 settles after ~25 s here; after 3 s it still took ~26 % of the CPU while measuring). */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 30);
    static final long MAX_REQUESTS = Long.getLong("bench.maxRequests", Long.MAX_VALUE);
    /** Each endpoint is measured in this many alternating rounds of {@link #SECONDS}. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int LOG_ROWS = Integer.getInteger("bench.logRows", 2_000_000);
    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1_000);
    static final int KEYS_PER_ACCOUNT = 5;
    static final int EMPLOYEES_PER_ACCOUNT = 10;
    /** Old rows the retention purge removes while the Requests API is measured (0: no purge rounds). */
    static final int PURGE_ROWS = Integer.getInteger("bench.purgeRows", 1_000_000);
    /** With {@code -Dbench.jfr=true}: the measured API rounds are recorded with JFR and their samples' shares printed ({@link JfrBreakdown}). */
    static final JfrBreakdown JFR = Boolean.getBoolean("bench.jfr") ? new JfrBreakdown() : null;

    @RestController
    static class NoOpEndpoint {
        @PostMapping("/api/agent-connect/bench-noop")
        String noop() {
            return "{}";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ManageCompany company;

    @Autowired
    BrowseRequestLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.syncwatch.agentrequests.application.port.out.RequestLog requestLog;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    record Result(long requests, double perSecond, double p50Ms, double p99Ms, long logged, long errors, CpuSample.Use cpu,
            long[] latencies, double seconds) {

        /** Several rounds of one endpoint as one result: requests/s over their total time, percentiles over all requests. */
        static Result of(List<Result> rounds) {
            long[] merged = rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies)).sorted().toArray();
            long requests = merged.length;
            double seconds = rounds.stream().mapToDouble(Result::seconds).sum();
            double jvm = rounds.stream().mapToDouble(r -> r.cpu.jvmMicros() * r.requests).sum() / Math.max(1, requests);
            double db = rounds.stream().mapToDouble(r -> r.cpu.dbMicros() * r.requests).sum() / Math.max(1, requests);
            double busy = rounds.stream().mapToDouble(r -> r.cpu.machineBusyPercent() * r.seconds).sum() / seconds;
            return new Result(requests, requests / seconds, pct(merged, 0.50), pct(merged, 0.99),
                    rounds.stream().mapToLong(Result::logged).sum(), rounds.stream().mapToLong(Result::errors).sum(),
                    new CpuSample.Use(jvm, db, busy), merged, seconds);
        }
    }

    /**
     * CPU used during a phase, per request: the JVM (app and load clients), the local database
     * server (whole process, found by name in /proc; absent elsewhere) and how busy the machine
     * was. Unlike requests/s these figures hardly move when something else shares the machine,
     * and "machine busy" tells whether a phase was CPU-bound or waited (for example on commits).
     */
    record CpuSample(long jvmNanos, long dbTicks, long machineTicks, long idleTicks) {

        /** The database server's process id, from its own pid file ({@code SELECT @@pid_file}); -1 if not readable here. */
        static volatile long dbPid = -1;

        record Use(double jvmMicros, double dbMicros, double machineBusyPercent) {
        }

        static CpuSample now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long db = -1;
            long total = -1;
            long idle = -1;
            try {
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                total = 0;
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                if (dbPid > 0) {
                    try {
                        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(dbPid), "stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        db = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    } catch (java.io.IOException | RuntimeException gone) {
                        db = -1; // not on this host or not readable: the figure is dropped
                    }
                }
            } catch (java.io.IOException | RuntimeException noProc) {
                // not Linux: only the JVM's figure
            }
            return new CpuSample(jvm, db, total, idle);
        }

        Use since(CpuSample start, long requests) {
            double perTick = 1e6 / 100; // USER_HZ
            double jvm = (jvmNanos - start.jvmNanos) / 1e3 / requests;
            double dbUse = dbTicks < 0 || start.dbTicks < 0 ? Double.NaN : (dbTicks - start.dbTicks) * perTick / requests;
            long dt = machineTicks - start.machineTicks;
            double busy = dt <= 0 ? Double.NaN : 100.0 * (dt - (idleTicks - start.idleTicks)) / dt;
            return new Use(jvm, dbUse, busy);
        }
    }

    /** A seeded account: its keys (the first two test keys) and employees. */
    record BenchAccount(AccountId id, String[] keys) {
    }

    private final List<BenchAccount> bench = new ArrayList<>();

    /**
     * With {@code -Dbench.reuse=true}: the accounts seeded by an earlier run on the same database
     * (their ids and clear keys kept in {@link #SEED_FILE}) are used again if they are all still
     * there with their keys; otherwise seeded anew. Saves the seeding (minutes on a loaded machine)
     * between runs that compare before and after a change; the data are the same.
     */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    static final java.nio.file.Path SEED_FILE = java.nio.file.Path.of("target", "bench-agentrequests-seed.tsv");

    private boolean reused() {
        if (!REUSE || !java.nio.file.Files.isReadable(SEED_FILE)) {
            return false;
        }
        List<BenchAccount> earlier = new ArrayList<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(SEED_FILE)) {
                String[] f = line.split("\t");
                earlier.add(new BenchAccount(AccountId.of(Long.parseLong(f[0])), Arrays.copyOfRange(f, 1, f.length)));
            }
        } catch (IOException | RuntimeException unreadable) {
            System.out.println("bench.reuse: " + SEED_FILE + " unreadable (" + unreadable + "): seeding anew");
            return false;
        }
        if (earlier.size() != ACCOUNTS || earlier.stream().anyMatch(a -> a.keys().length != KEYS_PER_ACCOUNT)) {
            System.out.println("bench.reuse: " + SEED_FILE + " holds other sizes: seeding anew");
            return false;
        }
        long keys = jdbc.sql("SELECT COUNT(*) FROM ac_api_key WHERE revoked_at IS NULL AND account_id BETWEEN ? AND ?")
                .params(earlier.getFirst().id().value(), earlier.getLast().id().value()).query(Long.class).single();
        long employees = jdbc.sql("SELECT COUNT(*) FROM ac_employee WHERE account_id BETWEEN ? AND ?")
                .params(earlier.getFirst().id().value(), earlier.getLast().id().value()).query(Long.class).single();
        if (keys != (long) ACCOUNTS * KEYS_PER_ACCOUNT || employees != (long) ACCOUNTS * EMPLOYEES_PER_ACCOUNT) {
            System.out.println("bench.reuse: the earlier accounts are not all in this database: seeding anew");
            return false;
        }
        bench.addAll(earlier);
        return true;
    }

    private void seed() throws IOException {
        long t0 = System.nanoTime();
        if (reused()) {
            readDbPid();
            System.out.printf("reused %,d accounts, %,d keys, %,d employees seeded by an earlier run (-Dbench.reuse, %s); database server pid %d%n",
                    ACCOUNTS, ACCOUNTS * KEYS_PER_ACCOUNT, ACCOUNTS * EMPLOYEES_PER_ACCOUNT, SEED_FILE, CpuSample.dbPid);
            return;
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            AccountId id = accounts.createWithAllFeatures().id();
            company.saveChannel(id, "email", true, ChannelMode.INTEGRATED);
            company.saveBrand(id, "Acme", true);
            company.saveBrand(id, "Outlet", true);
            company.saveLanguage(id, "en", true);
            for (int e = 0; e < EMPLOYEES_PER_ACCOUNT; e++) {
                company.saveEmployee(id, new Employee("e" + e + "@acme.test", "Employee " + e, true, true, true));
            }
            String[] keys = new String[KEYS_PER_ACCOUNT];
            for (int k = 0; k < KEYS_PER_ACCOUNT; k++) {
                keys[k] = company.createKey(id, "bench " + k, k < 2 ? KeyKind.TEST : KeyKind.PRODUCTION).clearValue();
            }
            bench.add(new BenchAccount(id, keys));
        }
        java.nio.file.Files.createDirectories(SEED_FILE.getParent());
        java.nio.file.Files.write(SEED_FILE, bench.stream().map(b -> b.id().value() + "\t" + String.join("\t", b.keys())).toList());
        readDbPid();
        System.out.printf("seeded %,d accounts, %,d keys, %,d employees in %.1f s; database server pid %d%n", ACCOUNTS,
                ACCOUNTS * KEYS_PER_ACCOUNT, ACCOUNTS * EMPLOYEES_PER_ACCOUNT, (System.nanoTime() - t0) / 1e9, CpuSample.dbPid);
    }

    private void readDbPid() {
        String pidFile = jdbc.sql("SELECT @@pid_file").query(String.class).single();
        try {
            CpuSample.dbPid = Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of(pidFile)).strip());
        } catch (java.io.IOException | RuntimeException notHere) {
            System.out.println("database CPU: pid file " + pidFile + " not readable here (remote server?): figure dropped");
        }
    }

    @Test
    void requestsApiUnderLoadAndTheGridFirstPage() throws Exception {
        seed();
        String test = null;
        String live = null;

        // warm-up
        run(test, live, true, WARMUP_SECONDS, Long.MAX_VALUE); // bounded by time only
        run(test, live, false, WARMUP_SECONDS, Long.MAX_VALUE);
        long rowsBefore = rows();

        // the endpoints take turns (no-op, API, no-op, API, ...) so that a slower spell of the shared host
        // falls on both rather than on one phase; the ratio is given per round and over all rounds
        var batches = meters.get("syncwatch.agentrequests.log.batch").summary();
        List<Result> noopRounds = new ArrayList<>();
        List<Result> apiRounds = new ArrayList<>();
        long batchCount = 0;
        double batchRows = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int r = round + 1;
            noopRounds.add(JFR == null ? run(test, live, true, SECONDS, Math.max(1, MAX_REQUESTS / ROUNDS))
                    : JFR.record("no-op", r, () -> run(test, live, true, SECONDS, Math.max(1, MAX_REQUESTS / ROUNDS))));
            long batchesBefore = batches.count();
            double storedBefore = batches.totalAmount();
            apiRounds.add(JFR == null ? run(test, live, false, SECONDS, Math.max(1, MAX_REQUESTS / ROUNDS))
                    : JFR.record("api", r, () -> run(test, live, false, SECONDS, Math.max(1, MAX_REQUESTS / ROUNDS))));
            batchCount += batches.count() - batchesBefore;
            batchRows += batches.totalAmount() - storedBefore;
        }
        Result noop = Result.of(noopRounds);
        Result api = Result.of(apiRounds);
        double perBatch = batchRows / Math.max(1, batchCount);
        // logged-only requests are answered once queued (decision 0005); any read of the log waits for them first
        log.page(bench.getFirst().id(), new LogQuery(LogTab.TEST, null, null, Instant.EPOCH, Instant.now().plusSeconds(60), null), 0, 1);
        long rowsAfter = rows();

        System.out.printf("%n=== AgentRequestsLoadBenchmark (%d clients, %d rounds of %d s per endpoint, %,d accounts x %d keys, %,d employees,"
                + " default rate limit, loopback, real DB; %s; load average %s) ===%n", CLIENTS, ROUNDS, SECONDS, ACCOUNTS, KEYS_PER_ACCOUNT,
                ACCOUNTS * EMPLOYEES_PER_ACCOUNT, Instant.now(), java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        System.out.printf("no-op endpoint : %,d requests, %,.0f req/s, p50 %.2f ms, p99 %.2f ms%n", noop.requests, noop.perSecond,
                noop.p50Ms, noop.p99Ms);
        System.out.printf("Requests API   : %,d requests, %,.0f req/s, p50 %.2f ms, p99 %.2f ms, unexpected statuses %d%n",
                api.requests, api.perSecond, api.p50Ms, api.p99Ms, api.errors);
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ratios[round] = 100.0 * apiRounds.get(round).perSecond / noopRounds.get(round).perSecond;
            System.out.printf("  round %d: no-op %,.0f req/s, API %,.0f req/s, ratio %.0f %%%n", round + 1,
                    noopRounds.get(round).perSecond, apiRounds.get(round).perSecond, ratios[round]);
        }
        Arrays.sort(ratios);
        System.out.printf("ratio API/no-op: %.0f %% (median of %d rounds: %.0f %%)%n", 100.0 * api.perSecond / noop.perSecond, ROUNDS,
                ratios[ROUNDS / 2]);
        System.out.printf("CPU per request: no-op JVM %.0f µs, DB %.0f µs (its own pid), machine busy %.0f %% | API JVM %.0f µs, DB %.0f µs,"
                + " machine busy %.0f %% | CPU ratio no-op/API %.0f %%%n", noop.cpu.jvmMicros(), noop.cpu.dbMicros(),
                noop.cpu.machineBusyPercent(), api.cpu.jvmMicros(), api.cpu.dbMicros(), api.cpu.machineBusyPercent(),
                100.0 * (noop.cpu.jvmMicros() + nanToZero(noop.cpu.dbMicros())) / (api.cpu.jvmMicros() + nanToZero(api.cpu.dbMicros())));
        if (JFR != null) {
            JFR.print(api.cpu.jvmMicros(), noop.cpu.jvmMicros(), 22);
        }
        System.out.printf("request log: %.1f requests per group-commit transaction%n", perBatch);
        var lag = meters.get("syncwatch.agentrequests.log.lag").timer().takeSnapshot();
        System.out.printf("request log: a batch's oldest row committed after p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                + " (last ~2 min; for a logged-only request, the time between its answer and its commit)%n",
                percentile(lag, 0.5), percentile(lag, 0.99), lag.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        boolean nothingLost = api.logged == rowsAfter - rowsBefore;
        System.out.printf("logged requests answered %,d, log rows added %,d -> %s%n", api.logged, rowsAfter - rowsBefore,
                nothingLost ? "nothing lost" : "MISMATCH");

        List<String> purgeLines = PURGE_ROWS > 0 ? purgeRounds(test, live) : List.of("purge rounds skipped (-Dbench.purgeRows=0)");
        purgeLines.forEach(System.out::println);

        gridFirstPage();

        double ratio = api.perSecond / noop.perSecond;
        boolean pass = nothingLost && api.errors == 0 && api.perSecond >= 2000 && api.p99Ms < 50 && ratio >= 0.4;
        System.out.printf("target: Requests API >= 2,000 req/s (%,.0f), p99 < 50 ms (%.1f), >= 0.4x no-op (%.2f), nothing lost (%s),"
                + " no unexpected status (%d) -> %s%n", api.perSecond, api.p99Ms, ratio, nothingLost ? "yes" : "NO", api.errors,
                pass ? "PASS" : "FAIL");
        if (!nothingLost) {
            throw new AssertionError("logged requests were lost: answered " + api.logged + ", stored " + (rowsAfter - rowsBefore));
        }
    }

    /**
     * The Requests API measured while the retention purge removes {@link #PURGE_ROWS} old rows,
     * against rounds without a purge, taking turns: on MySQL / MariaDB once by dropping a day
     * partition (the rows are seeded into a day partition made for them) and once by the chunked
     * DELETE (rows in a partition that is not wholly old: {@code p_before}); on H2 only the DELETE.
     */
    private List<String> purgeRounds(String test, String live) throws Exception {
        List<String> lines = new ArrayList<>();
        Instant old = Instant.now().minus(Duration.ofDays(100));
        LocalDateTime oldDay = LocalDateTime.ofInstant(old, ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        boolean partitioned;
        try {
            partitioned = jdbc.sql("SELECT COUNT(*) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'ac_request_log' AND PARTITION_NAME = 'p_before'").query(Long.class).single() > 0;
        } catch (RuntimeException noPartitions) {
            partitioned = false; // H2
        }
        List<String> kinds = new ArrayList<>();
        if (partitioned) {
            // a day partition for the old rows, split off the start of p_before
            String before = jdbc.sql("SELECT PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'ac_request_log' AND PARTITION_NAME = 'p_before'").query(String.class).single();
            for (String table : List.of("ac_request_log", "ac_request_error")) {
                jdbc.sql("ALTER TABLE " + table + " REORGANIZE PARTITION p_before INTO (PARTITION p_bench_old VALUES LESS THAN ('"
                        + oldDay.plusDays(1).toLocalDate() + " 00:00:00'), PARTITION p_before VALUES LESS THAN (" + before + "))").update();
            }
            kinds.add("DROP PARTITION");
        }
        kinds.add("chunked DELETE");
        for (String kind : kinds) {
            long seedStart = System.nanoTime();
            seedOldRows(old);
            lines.add("seeded %,d rows 100 days old for the purge (%s) in %.1f s".formatted(PURGE_ROWS, kind, (System.nanoTime() - seedStart) / 1e9));
            Result without = run(test, live, false, SECONDS, Long.MAX_VALUE);
            java.util.concurrent.atomic.AtomicLong purgeNanos = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicInteger purged = new java.util.concurrent.atomic.AtomicInteger();
            Thread purge = Thread.ofPlatform().start(() -> {
                long t = System.nanoTime();
                purged.set(requestLog.purgeBefore(Instant.now().minus(Duration.ofDays(90))));
                purgeNanos.set(System.nanoTime() - t);
            });
            Result with = run(test, live, false, SECONDS, Long.MAX_VALUE);
            purge.join();
            Result after = run(test, live, false, SECONDS, Long.MAX_VALUE);
            lines.add(("purge by %s: %,d rows in %.2f s; Requests API %,.0f req/s (p99 %.1f ms) during the purge's round vs %,.0f"
                    + " (p99 %.1f ms) before and %,.0f (p99 %.1f ms) after without a purge: %.0f %% of the rounds without").formatted(kind,
                            purged.get(), purgeNanos.get() / 1e9, with.perSecond, with.p99Ms, without.perSecond, without.p99Ms,
                            after.perSecond, after.p99Ms, 200 * with.perSecond / (without.perSecond + after.perSecond)));
        }
        return lines;
    }

    /** {@link #PURGE_ROWS} logged rows (with one error row each) of the first seeded account, at {@code at}. */
    private void seedOldRows(Instant at) {
        long id = bench.getFirst().id().value();
        LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        int batch = 1000;
        for (int start = 0; start < PURGE_ROWS; start += batch) {
            long maxBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ac_request_log").query(Long.class).single();
            StringBuilder sql = new StringBuilder("INSERT INTO ac_request_log (request_id, account_id, created_at, key_id, key_name, "
                    + "key_kind, in_test, in_invalid, response_status, primary_error, error_count) VALUES ");
            List<Object> params = new ArrayList<>();
            for (int i = start; i < Math.min(PURGE_ROWS, start + batch); i++) {
                sql.append(i == start ? "" : ",").append("(?, ?, ?, 1, 'bench', 'PRODUCTION', FALSE, TRUE, 422, 'INVALID_CUSTOMER', 1)");
                params.addAll(List.of("old_" + System.nanoTime() + "_" + i, id, time.plusNanos(i * 1000L)));
            }
            jdbc.sql(sql.toString()).params(params).update();
            jdbc.sql("INSERT INTO ac_request_error (log_id, account_id, code, created_at, in_test) SELECT id, account_id, primary_error, "
                    + "created_at, in_test FROM ac_request_log WHERE account_id = ? AND id > ?").params(id, maxBefore).update();
        }
    }

    private static double percentile(io.micrometer.core.instrument.distribution.HistogramSnapshot snapshot, double p) {
        for (var value : snapshot.percentileValues()) {
            if (value.percentile() == p) {
                return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** Log rows of the seeded accounts (their request ids begin with the same time prefix as the run). */
    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM ac_request_log WHERE account_id BETWEEN ? AND ?")
                .params(bench.getFirst().id().value(), bench.getLast().id().value()).query(Long.class).single();
    }

    /**
     * Requests prepared ahead (so the clients spend no CPU building them): for random accounts,
     * each of the account's keys with a valid body, an unknown employee or an unknown brand; the
     * no-op endpoint gets the same bytes on its own path. {@code logged}: whether the log keeps it.
     */
    private record Prepared(byte[][] api, byte[][] noop, boolean[] logged, int[] expected) {
    }

    private Prepared prepared;

    private Prepared prepare() {
        if (prepared != null) {
            return prepared;
        }
        java.util.Random random = new java.util.Random(20);
        int n = 1 << 14;
        byte[][] api = new byte[n][];
        byte[][] noop = new byte[n][];
        boolean[] logged = new boolean[n];
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) {
            BenchAccount account = bench.get(random.nextInt(bench.size()));
            int k = random.nextInt(KEYS_PER_ACCOUNT);
            boolean testKey = k < 2;
            int shape = random.nextInt(10); // 0-1: unknown employee, 2: unknown brand, else valid
            String employee = shape <= 1 ? "ghost" + random.nextInt(1000) + "@acme.test" : "e" + random.nextInt(EMPLOYEES_PER_ACCOUNT) + "@acme.test";
            String body = body(employee, shape == 2 ? "Nope" : "Acme", "r" + i);
            api[i] = LoopbackConnection.post(port, "/api/agent-connect/v1/requests", account.keys()[k], body);
            noop[i] = LoopbackConnection.post(port, "/api/agent-connect/bench-noop", account.keys()[k], body);
            boolean invalid = shape <= 2;
            logged[i] = testKey || invalid;
            expected[i] = invalid ? 422 : 202;
        }
        prepared = new Prepared(api, noop, logged, expected);
        return prepared;
    }

    private Result run(String test, String live, boolean noop, int seconds, long max) throws Exception {
        Prepared p = prepare();
        byte[][] apiRequests = p.api();
        byte[][] noopRequests = p.noop();
        boolean[] logged = p.logged();
        AtomicLong budget = new AtomicLong(max);
        AtomicLong loggedSent = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        CpuSample cpuStart = CpuSample.now();
        long started = System.nanoTime();
        // wall-clock bounds of each phase, to line up with a profiler's (JFR, perf) timeline
        System.out.printf("phase %s from %s for %d s%n", noop ? "no-op" : "api", java.time.Instant.now(), seconds);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                try (LoopbackConnection http = new LoopbackConnection(port)) {
                    int i = client * 997;
                    while (System.nanoTime() < end && budget.decrementAndGet() >= 0) {
                        int kind = i++ & (apiRequests.length - 1);
                        long t0 = System.nanoTime();
                        int status = http.exchange(noop ? noopRequests[kind] : apiRequests[kind]);
                        long t = System.nanoTime() - t0;
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t;
                        int expected = noop ? 200 : p.expected()[kind];
                        if (status != expected) {
                            unexpected.incrementAndGet();
                        }
                        if (!noop && logged[kind]) {
                            loggedSent.incrementAndGet();
                        }
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        CpuSample.Use cpu = CpuSample.now().since(cpuStart, Math.max(1, merged.length));
        pool.shutdown();
        return new Result(merged.length, merged.length / elapsed, pct(merged, 0.50), pct(merged, 0.99), loggedSent.get(),
                unexpected.get(), cpu, merged, elapsed);
    }

    /**
     * A lean HTTP/1.1 keep-alive client over a plain socket: a whole request is written at once
     * and the response read to its end (fixed length or chunked). The JDK's HttpClient costs the
     * shared 2 cores several times more per request than the server's own work, which made the
     * measurement one of the client; this one leaves the CPU to the app. Reconnects when the
     * server closes a connection (Tomcat does after 100 requests).
     */
    static final class LoopbackConnection implements AutoCloseable {

        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        LoopbackConnection(int port) throws IOException {
            this.port = port;
            connect();
        }

        static byte[] post(int port, String path, String key, String body) {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + content.length
                    + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            return request;
        }

        private void connect() throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("unexpected status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                socket.close();
                connect();
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a response body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static String body(String employee, String brand, String reference) {
        return """
                {"employee": {"email": "%s"}, "customer": {"name": "Carla", "email": "carla@example.com"},
                 "channel": "email", %s "language": "en", "reference": "%s"}""".formatted(employee,
                brand == null ? "" : "\"brand\": \"" + brand + "\",", reference);
    }

    private void gridFirstPage() {
        TestAccounts.TestAccount account = accounts.createWithAllFeatures();
        long id = account.id().value();
        Instant now = Instant.now();
        String[] codes = { "EMPLOYEE_NOT_FOUND", "INVALID_CUSTOMER", "CHANNEL_NOT_ENABLED", "BRAND_NOT_PROVIDED", "LANGUAGE_NOT_AVAILABLE" };
        long t0 = System.nanoTime();
        int batch = 1000;
        for (int start = 0; start < LOG_ROWS; start += batch) {
            StringBuilder sql = new StringBuilder("INSERT INTO ac_request_log (request_id, account_id, created_at, key_id, key_name, "
                    + "key_kind, in_test, in_invalid, response_status, primary_error, error_count, employee_email, channel, reference) VALUES ");
            long maxBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ac_request_log").query(Long.class).single();
            List<Object> params = new ArrayList<>();
            for (int i = start; i < Math.min(LOG_ROWS, start + batch); i++) {
                if (i > start) {
                    sql.append(',');
                }
                sql.append("(?, ?, ?, 1, 'bench', ?, ?, TRUE, 422, ?, 1, ?, 'email', ?)");
                LocalDateTime at = LocalDateTime.ofInstant(now.minusSeconds((LOG_ROWS - i) * 2L), ZoneOffset.UTC);
                String code = codes[i % codes.length];
                params.addAll(List.of("bench_" + id + "_" + i, id, at, i % 3 == 0 ? "TEST" : "PRODUCTION", i % 3 == 0, code,
                        "e" + (i % 500) + "@acme.test", "ref-" + i));
            }
            jdbc.sql(sql.toString()).params(params).update();
            jdbc.sql("INSERT INTO ac_request_error (log_id, account_id, code, created_at, in_test) SELECT id, account_id, primary_error, "
                    + "created_at, in_test FROM ac_request_log WHERE account_id = ? AND id > ?").params(id, maxBefore).update();
        }
        System.out.printf("seeded %,d logged rows in %.1f s%n", LOG_ROWS, (System.nanoTime() - t0) / 1e9);
        jdbc.sql("ANALYZE TABLE ac_request_log").query().listOfRows();
        jdbc.sql("ANALYZE TABLE ac_request_error").query().listOfRows();
        Instant from = now.minus(Duration.ofDays(30));
        Instant to = now.plusSeconds(1);
        for (String error : new String[] { null, "BRAND_NOT_PROVIDED" }) {
            LogQuery query = new LogQuery(LogTab.INVALID, error, null, from, to, null);
            for (int i = 0; i < 5; i++) {
                log.page(account.id(), query, 0, 50);
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                long s = System.nanoTime();
                int n = log.page(account.id(), query, 0, 50).size();
                best = Math.min(best, System.nanoTime() - s);
                if (n != 50) {
                    throw new IllegalStateException("expected a full first page, got " + n);
                }
            }
            System.out.printf("Invalid Requests first page (50 rows%s) over %,d rows: best %.2f ms%n",
                    error == null ? "" : ", error " + error, LOG_ROWS, best / 1e6);
        }
        LocalDateTime f = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        LocalDateTime t = LocalDateTime.ofInstant(to, ZoneOffset.UTC);
        System.out.println("EXPLAIN (no filter):");
        jdbc.sql("EXPLAIN SELECT l.id FROM ac_request_log l WHERE l.account_id = ? AND l.in_invalid = TRUE AND l.created_at >= ? "
                + "AND l.created_at < ? ORDER BY l.created_at DESC, l.id DESC LIMIT 50 OFFSET 0").params(id, f, t).query()
                .listOfRows().forEach(r -> System.out.println("  " + r));
        System.out.println("EXPLAIN (error filter):");
        jdbc.sql("EXPLAIN SELECT l.id FROM ac_request_error e JOIN ac_request_log l ON l.id = e.log_id WHERE e.account_id = ? "
                + "AND e.code = ? AND e.created_at >= ? AND e.created_at < ? ORDER BY e.created_at DESC, e.log_id DESC LIMIT 50 OFFSET 0")
                .params(id, "BRAND_NOT_PROVIDED", f, t).query().listOfRows().forEach(r -> System.out.println("  " + r));
    }
}
