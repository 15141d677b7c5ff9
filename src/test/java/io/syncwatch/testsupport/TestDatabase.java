package io.syncwatch.testsupport;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The one place where tests decide which database they run on, once per JVM:
 * <ol>
 * <li>{@code DB_URL} (with {@code DB_USER}, {@code DB_PASSWORD}) when set;</li>
 * <li>otherwise a Testcontainers MySQL 8 when Docker is available;</li>
 * <li>otherwise an in-memory H2 in MySQL mode, with a loud banner, unless
 * {@code REQUIRE_REAL_DB=true}, which refuses it.</li>
 * </ol>
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    public enum Kind { CONFIGURED_SERVER, TESTCONTAINERS_MYSQL, H2_FALLBACK }

    public record Connection(Kind kind, String url, String username, String password) {
        Map<String, Object> properties() {
            return Map.of("spring.datasource.url", url, "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }
    }

    private static volatile Connection resolved;

    private TestDatabase() {
    }

    public static synchronized Connection connection() {
        if (resolved == null) {
            resolved = resolve(System.getenv());
            log.info("Tests use database {} ({})", resolved.url(), resolved.kind());
        }
        return resolved;
    }

    static Connection resolve(Map<String, String> env) {
        String url = env.get("DB_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(Kind.CONFIGURED_SERVER, url, env.getOrDefault("DB_USER", "root"),
                    env.getOrDefault("DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            @SuppressWarnings("resource")
            var mysql = new MySQLContainer("mysql:8.4").withDatabaseName("syncwatch");
            mysql.start();
            return new Connection(Kind.TESTCONTAINERS_MYSQL, mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword());
        }
        if (Boolean.parseBoolean(env.getOrDefault("REQUIRE_REAL_DB", "false"))) {
            throw new IllegalStateException("REQUIRE_REAL_DB=true but no real database is available. Either set DB_URL "
                    + "(and DB_USER, DB_PASSWORD) to a MySQL 8 or MariaDB 10.11+ server, e.g. "
                    + "DB_URL=jdbc:mysql://127.0.0.1:3306/syncwatch_test, or make Docker available so that "
                    + "Testcontainers can start MySQL.");
        }
        System.err.println("""

                ############################################################################
                #  WARNING: tests are running on the H2 FALLBACK database (MySQL mode).     #
                #  SQL is NOT being checked against a real MySQL/MariaDB server.            #
                #  Set DB_URL, or install Docker, to test against a real server;            #
                #  set REQUIRE_REAL_DB=true to refuse this fallback (as CI does).           #
                ############################################################################
                """);
        return new Connection(Kind.H2_FALLBACK, "jdbc:h2:mem:syncwatch;MODE=MySQL;DB_CLOSE_DELAY=-1", "sa", "");
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
