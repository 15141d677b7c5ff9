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
 * Sizes: -Dbench.clients (16), -Dbench.seconds (10, per endpoint, in -Dbench.rounds (3) alternating rounds),
 * -Dbench.maxRequests (200000), -Dbench.logRows (200000).
 * Run: ./mvnw -o -Pbench -Dtest=AgentRequestsLoadBenchmark test
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "syncwatch.agentrequests.rate-limit-per-second=1000000")
@Import({ TestAccounts.class, SignedIn.class, AgentRequestsLoadBenchmark.NoOpEndpoint.class })
class AgentRequestsLoadBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    /** Warm-up per endpoint: long enough for the JIT to finish (C2 settles after ~25 s here; after 3 s it still took ~26 % of the CPU while measuring). */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 30);
    static final long MAX_REQUESTS = Long.getLong("bench.maxRequests", 200_000);
    /** The measured seconds and request budget of each endpoint are split into this many alternating rounds. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int LOG_ROWS = Integer.getInteger("bench.logRows", 200_000);

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
                try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (var dir : (Iterable<java.nio.file.Path>) procs::iterator) {
                        if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            String comm = java.nio.file.Files.readString(dir.resolve("comm")).strip();
                            if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                                String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                                db = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                            }
                        } catch (java.io.IOException | RuntimeException gone) {
                            // the process ended while listed, or is not readable: not the database
                        }
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

    @Test
    void requestsApiUnderLoadAndTheGridFirstPage() throws Exception {
        TestAccounts.TestAccount account = accounts.createWithAllFeatures();
        AccountId id = account.id();
        company.saveChannel(id, "email", true, ChannelMode.INTEGRATED);
        company.saveBrand(id, "Acme", true);
        company.saveBrand(id, "Outlet", true);
        company.saveLanguage(id, "en", true);
        company.saveEmployee(id, new Employee("ann@acme.test", "Ann", true, true, true));
        String test = company.createKey(id, "bench test", KeyKind.TEST).clearValue();
        String live = company.createKey(id, "bench live", KeyKind.PRODUCTION).clearValue();

        // warm-up
        run(test, live, true, WARMUP_SECONDS, Long.MAX_VALUE); // bounded by time only
        run(test, live, false, WARMUP_SECONDS, Long.MAX_VALUE);
        long rowsBefore = rows(id);

        // the endpoints take turns (no-op, API, no-op, API, ...) so that a slower spell of the shared host
        // falls on both rather than on one phase; the ratio is given per round and over all rounds
        var batches = meters.get("syncwatch.agentrequests.log.batch").summary();
        List<Result> noopRounds = new ArrayList<>();
        List<Result> apiRounds = new ArrayList<>();
        long batchCount = 0;
        double batchRows = 0;
        for (int round = 0; round < ROUNDS; round++) {
            noopRounds.add(run(test, live, true, Math.max(1, SECONDS / ROUNDS), Math.max(1, MAX_REQUESTS / ROUNDS)));
            long batchesBefore = batches.count();
            double storedBefore = batches.totalAmount();
            apiRounds.add(run(test, live, false, Math.max(1, SECONDS / ROUNDS), Math.max(1, MAX_REQUESTS / ROUNDS)));
            batchCount += batches.count() - batchesBefore;
            batchRows += batches.totalAmount() - storedBefore;
        }
        Result noop = Result.of(noopRounds);
        Result api = Result.of(apiRounds);
        double perBatch = batchRows / Math.max(1, batchCount);
        // logged-only requests are answered once queued (decision 0005); any read of the log waits for them first
        log.page(id, new LogQuery(LogTab.TEST, null, null, Instant.EPOCH, Instant.now().plusSeconds(60), null), 0, 1);
        long rowsAfter = rows(id);

        System.out.printf("%n=== AgentRequestsLoadBenchmark (%d clients, %d s, loopback, real DB) ===%n", CLIENTS, SECONDS);
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
        System.out.printf("CPU per request: no-op JVM %.0f µs, DB %.0f µs, machine busy %.0f %% | API JVM %.0f µs, DB %.0f µs,"
                + " machine busy %.0f %% | CPU ratio no-op/API %.0f %%%n", noop.cpu.jvmMicros(), noop.cpu.dbMicros(),
                noop.cpu.machineBusyPercent(), api.cpu.jvmMicros(), api.cpu.dbMicros(), api.cpu.machineBusyPercent(),
                100.0 * (noop.cpu.jvmMicros() + nanToZero(noop.cpu.dbMicros())) / (api.cpu.jvmMicros() + nanToZero(api.cpu.dbMicros())));
        System.out.printf("request log: %.1f requests per group-commit transaction%n", perBatch);
        var lag = meters.get("syncwatch.agentrequests.log.lag").timer().takeSnapshot();
        System.out.printf("request log: a batch's oldest row committed after p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                + " (last ~2 min; for a logged-only request, the time between its answer and its commit)%n",
                percentile(lag, 0.5), percentile(lag, 0.99), lag.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        System.out.printf("logged requests sent %,d, log rows added %,d -> %s%n", api.logged, rowsAfter - rowsBefore,
                api.logged == rowsAfter - rowsBefore ? "nothing lost" : "MISMATCH");

        gridFirstPage();
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

    private long rows(AccountId id) {
        return jdbc.sql("SELECT COUNT(*) FROM ac_request_log WHERE account_id = ?").param(id.value()).query(Long.class).single();
    }

    private Result run(String test, String live, boolean noop, int seconds, long max) throws Exception {
        String[] bodies = {
                body("ann@acme.test", "Acme", "valid"), // production valid: accepted, not logged
                body("ann@acme.test", "Acme", "valid-test"), // test valid: logged (test tab)
                body("ghost@acme.test", null, "invalid"), // invalid: logged (invalid tab)
                body("ann@acme.test", "Nope", "invalid-brand") };
        String[] keys = { live, test, live, test };
        boolean[] logged = { false, true, true, true };
        byte[][] apiRequests = new byte[4][];
        byte[][] noopRequests = new byte[4][];
        for (int k = 0; k < 4; k++) {
            apiRequests[k] = LoopbackConnection.post(port, "/api/agent-connect/v1/requests", keys[k], bodies[k]);
            noopRequests[k] = LoopbackConnection.post(port, "/api/agent-connect/bench-noop", keys[k], bodies[k]);
        }
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
                    int i = client;
                    while (System.nanoTime() < end && budget.decrementAndGet() >= 0) {
                        int kind = i++ % 4;
                        long t0 = System.nanoTime();
                        int status = http.exchange(noop ? noopRequests[kind] : apiRequests[kind]);
                        long t = System.nanoTime() - t0;
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t;
                        int expected = noop ? 200 : (kind <= 1 ? 202 : 422);
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
                    + "key_kind, in_test, in_invalid, response_status, primary_error, error_count, errors, employee_email, channel, reference) VALUES ");
            long maxBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ac_request_log").query(Long.class).single();
            List<Object> params = new ArrayList<>();
            for (int i = start; i < Math.min(LOG_ROWS, start + batch); i++) {
                if (i > start) {
                    sql.append(',');
                }
                sql.append("(?, ?, ?, 1, 'bench', ?, ?, TRUE, 422, ?, 1, ?, ?, 'email', ?)");
                LocalDateTime at = LocalDateTime.ofInstant(now.minusSeconds((LOG_ROWS - i) * 2L), ZoneOffset.UTC);
                String code = codes[i % codes.length];
                params.addAll(List.of("bench_" + id + "_" + i, id, at, i % 3 == 0 ? "TEST" : "PRODUCTION", i % 3 == 0, code,
                        code + "\tfield\tmessage\n", "e" + (i % 500) + "@acme.test", "ref-" + i));
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
