package io.syncwatch.agentrequests;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestDatabase;

/**
 * {@code kill -9} of the app under Requests API load (issue 15.6, decision 0005): how many
 * logged-only requests that were answered (202 from a test key, 422) are missing from the log
 * after the process dies, and over how many milliseconds of answers they spread.
 * <p>
 * The app runs as a child JVM (same classpath, same database as this test); {@code -Dbench.clients}
 * clients send valid test-key, invalid and valid production requests, each with its own reference,
 * and remember the references answered 202/422. The child is killed ({@code destroyForcibly}:
 * SIGKILL) in two situations per setting of the answer window:
 * <ul>
 * <li><b>steady</b>: after {@code -Dbench.seconds} (10) of load;</li>
 * <li><b>stalled</b>: while another connection holds {@code LOCK TABLES ac_request_log WRITE}
 * for {@code -Dbench.stallMillis} (1000): the database accepts nothing, as in a long commit stall;</li>
 * <li><b>sigterm</b> (default window only): a graceful stop ({@code destroy}: SIGTERM) under load:
 * nothing answered may be lost, and requests arriving during the shutdown get 503.</li>
 * </ul>
 * Settings: the app's default answer window (50 ms), and with {@code -Dbench.compare=true} also an
 * answer window of one hour (the behaviour before the window: every logged-only request answered once queued).
 * Target: the answered rows lost spread over at most 100 ms of answers.
 * Run: {@code DB_URL=... ./mvnw -o -Pbench test -Dtest=RequestLogKillBenchmark}
 */
@SpringBootTest
@Import({ TestAccounts.class, SignedIn.class, AgentConnectCompanies.class })
class RequestLogKillBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final int STALL_MILLIS = Integer.getInteger("bench.stallMillis", 1000);
    static final boolean COMPARE = Boolean.getBoolean("bench.compare");
    static final long TARGET_MILLIS = 100;

    @Autowired
    AgentConnectCompanies companies;

    @Autowired
    JdbcTemplate jdbc;

    /** One answered logged-only request: its reference and when its answer arrived. */
    record Answered(String reference, long atNanos) {
    }

    record Outcome(String setting, String situation, int answeredLogged, int lost, double spreadMillis, double perSecond,
            long unavailable, long other) {
        String line() {
            return ("%-28s %-8s answered logged %,7d  lost %,5d  lost answers spread over %7.1f ms  (load %,.0f logged req/s, so %.1f ms"
                    + " of traffic); 503 answers %,d, other statuses %,d").formatted(setting, situation, answeredLogged, lost, spreadMillis,
                            perSecond, lost / Math.max(1e-9, perSecond) * 1000, unavailable, other);
        }
    }

    /** How the app ends. */
    enum Ending {
        STEADY, STALLED, SIGTERM;
    }

    @Test
    void killNineUnderLoad() throws Exception {
        AgentConnectCompanies.Company company = companies.create();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> settings = new ArrayList<>(List.of("50ms"));
        if (COMPARE) {
            settings.add("1h");
        }
        for (String window : settings) {
            for (Ending ending : Ending.values()) {
                if (ending == Ending.SIGTERM && !window.equals(settings.getFirst())) {
                    continue;
                }
                outcomes.add(round(company, window, ending));
                System.out.println(outcomes.getLast().line());
            }
        }
        double load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0].isEmpty() ? Double.NaN
                : Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf("%n=== RequestLogKillBenchmark (%d clients, kill -9 after %d s of load; stall %d ms; %s; load average %.1f) ===%n",
                CLIENTS, SECONDS, STALL_MILLIS, java.time.Instant.now(), load);
        outcomes.forEach(o -> System.out.println(o.line()));
        boolean pass = outcomes.stream().filter(o -> o.setting().endsWith("50ms"))
                .allMatch(o -> o.lost() == 0 || o.spreadMillis() <= TARGET_MILLIS)
                && outcomes.stream().filter(o -> o.situation().equals("sigterm")).allMatch(o -> o.lost() == 0 && o.other() == 0);
        System.out.printf("target: kill -9 loses answered rows within %d ms of answers (default answer window); SIGTERM loses none and"
                + " answers only 202/422/503 -> %s%n", TARGET_MILLIS, pass ? "PASS" : "FAIL");
        org.assertj.core.api.Assertions.assertThat(pass)
                .as("no answered row lost beyond " + TARGET_MILLIS + " ms of answers, none on SIGTERM").isTrue();
    }

    private Outcome round(AgentConnectCompanies.Company company, String window, Ending ending) throws Exception {
        boolean stall = ending == Ending.STALLED;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TestDatabase.Connection db = TestDatabase.connection();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = Files.createTempFile("kill-bench-app", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath, "io.syncwatch.SyncwatchApplication", "--server.port=" + port, "--spring.profiles.active=test",
                "--syncwatch.agentrequests.log-answer-window=" + window,
                "--syncwatch.agentrequests.rate-limit-per-second=1000000", "--syncwatch.imports.scheduler.enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DB_URL", db.url());
        builder.environment().put("DB_USER", db.username());
        builder.environment().put("DB_PASSWORD", db.password());
        Process app = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitReady(http, port, app, log, company.testKey());
            String run = Long.toHexString(System.nanoTime());
            ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
            AtomicBoolean go = new AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicLong unavailable = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong other = new java.util.concurrent.atomic.AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    try (var conn = new AgentRequestsLoadBenchmark.LoopbackConnection(port)) {
                        for (int i = 0; go.get(); i++) {
                            String reference = "kill-" + run + "-" + client + "-" + i;
                            int kind = i % 3;
                            String key = kind == 0 ? company.testKey() : company.liveKey();
                            String employee = kind == 1 ? "ghost@acme.test" : "ann@acme.test";
                            byte[] request = AgentRequestsLoadBenchmark.LoopbackConnection.post(port, "/api/agent-connect/v1/requests",
                                    key, AgentConnectCompanies.body(employee, "email", "Acme", "en", reference));
                            int status = conn.exchange(request);
                            if ((kind == 0 && status == 202) || (kind == 1 && status == 422)) {
                                answered.add(new Answered(reference, System.nanoTime()));
                            } else if (status == 503) {
                                unavailable.incrementAndGet();
                            } else if (!(kind == 2 && status == 202)) {
                                other.incrementAndGet();
                            }
                        }
                    } catch (Exception killed) {
                        // the app died: this client stops
                    }
                    return null;
                });
            }
            Thread.sleep(SECONDS * 1000L);
            if (stall) {
                try (var lockHolder = java.sql.DriverManager.getConnection(db.url(), db.username(), db.password());
                        var st = lockHolder.createStatement()) {
                    st.execute("LOCK TABLES ac_request_log WRITE");
                    Thread.sleep(STALL_MILLIS);
                    app.destroyForcibly();
                    app.waitFor();
                    st.execute("UNLOCK TABLES");
                }
            } else if (ending == Ending.SIGTERM) {
                app.destroy(); // SIGTERM: graceful shutdown
                app.waitFor();
            } else {
                app.destroyForcibly();
                app.waitFor();
            }
            long killedAt = System.nanoTime();
            go.set(false);
            clients.shutdown();
            clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(2000); // the server finishes (or rolls back) what the dead connections sent
            Set<String> stored = new HashSet<>(jdbc.queryForList(
                    "SELECT reference FROM ac_request_log WHERE account_id = ? AND reference LIKE ?", String.class,
                    company.id().value(), "kill-" + run + "-%"));
            List<Answered> lost = answered.stream().filter(a -> !stored.contains(a.reference())).toList();
            long firstLost = lost.stream().mapToLong(Answered::atNanos).min().orElse(0);
            long lastLost = lost.stream().mapToLong(Answered::atNanos).max().orElse(0);
            long steadyFrom = killedAt - Duration.ofMillis(STALL_MILLIS + 1000L).toNanos();
            long steadyTo = killedAt - Duration.ofMillis(stall ? STALL_MILLIS : 0).toNanos();
            double perSecond = answered.stream().filter(a -> a.atNanos() >= steadyFrom && a.atNanos() < steadyTo).count()
                    / ((steadyTo - steadyFrom) / 1e9);
            return new Outcome("answer window " + window, ending.name().toLowerCase(java.util.Locale.ROOT), answered.size(), lost.size(),
                    lost.isEmpty() ? 0 : (lastLost - firstLost) / 1e6, perSecond, unavailable.get(), other.get());
        } finally {
            if (app.isAlive()) {
                app.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void awaitReady(HttpClient http, int port, Process app, Path log, String testKey) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app died while starting:\n" + Files.readString(log));
            }
            try {
                // ready once the Requests API accepts a request (before, it answers 503 not-ready)
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agent-connect/v1/requests"))
                        .header("Authorization", "Bearer " + testKey).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(AgentConnectCompanies.body("ann@acme.test", "email", "Acme", "en", "warm-up")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not become ready within 5 minutes");
    }
}
