package io.syncwatch.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of a migration test's own, dropped when closed: a new, empty utf8mb4 database on the
 * tests' server ({@link #onServer}; the test is skipped when the tests fell back to H2) or an
 * in-memory H2 in MySQL mode ({@link #onH2}). {@link #migrate} runs one module's migrations on it
 * as Spring Modulith runs them: the module's folder {@code db/migration/<module>} and its vendor
 * folder {@code db/vendor/<vendor>/<module>}, its own history table
 * {@code flyway_schema_history_<module>}, baseline 0 on a database that already has tables.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final TestDatabase.Connection connection;
    private final String vendor;

    private ScratchDatabase(String name, TestDatabase.Connection connection, String vendor) {
        this.name = name;
        this.connection = connection;
        this.vendor = vendor;
    }

    /** A new database on the tests' MySQL-family server, named {@code <prefix>_<random>}. */
    public static ScratchDatabase onServer(String prefix) throws SQLException {
        assumeTrue(TestDatabase.isRealServer(), "needs a MySQL-family server (H2 fallback in use)");
        String name = uniqueName(prefix);
        return new ScratchDatabase(name,
                TestDatabase.createDatabase(name, "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"), "mysql");
    }

    /** A new in-memory H2 database in MySQL mode, as the H2 fallback and the app's default run it. */
    public static ScratchDatabase onH2(String prefix) {
        String name = uniqueName(prefix);
        return new ScratchDatabase(name, new TestDatabase.Connection(TestDatabase.Kind.H2_FALLBACK,
                "jdbc:h2:mem:" + name + ";MODE=MySQL;IGNORECASE=TRUE;DB_CLOSE_DELAY=-1", "sa", ""), "h2");
    }

    /** On the tests' server, or on H2 when the tests fell back to it. */
    public static ScratchDatabase onTheTestsDatabase(String prefix) throws SQLException {
        return TestDatabase.isRealServer() ? onServer(prefix) : onH2(prefix);
    }

    private static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Its name: the schema to look up in {@code information_schema} on the server. */
    public String name() {
        return name;
    }

    /** The vendor folder its migrations come from: {@code mysql} or {@code h2}. */
    public String vendor() {
        return vendor;
    }

    public boolean isH2() {
        return vendor.equals("h2");
    }

    /** A new connection to it; the caller closes it. */
    public Connection open() throws SQLException {
        return DriverManager.getConnection(connection.url(), connection.username(), connection.password());
    }

    /** A data source opening a new connection each time, for a {@code JdbcTemplate} or an adapter under test. */
    public DataSource dataSource() {
        return new DriverManagerDataSource(connection.url(), connection.username(), connection.password());
    }

    /** Every migration of the module. */
    public MigrateResult migrate(String module) {
        return migrate(module, "latest");
    }

    /** The module's migrations up to {@code target} (a version, or {@code latest}). */
    public MigrateResult migrate(String module, String target) {
        return Flyway.configure().dataSource(connection.url(), connection.username(), connection.password())
                .locations("classpath:db/migration/" + module, "classpath:db/vendor/" + vendor + "/" + module)
                .table("flyway_schema_history_" + module).baselineVersion("0").baselineOnMigrate(true)
                .target(target).load().migrate();
    }

    /** Drops the database (an H2 one is shut down). */
    @Override
    public void close() throws SQLException {
        if (isH2()) {
            try (Connection c = open(); var statement = c.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        } else {
            TestDatabase.dropDatabase(name);
        }
    }
}
