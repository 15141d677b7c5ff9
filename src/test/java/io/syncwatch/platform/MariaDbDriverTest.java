package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.syncwatch.SyncwatchApplication;
import io.syncwatch.testsupport.TestDatabase;
import io.syncwatch.testsupport.TestDatabaseInitializer;

/**
 * Issue 17.6: MariaDB's own driver ({@code jdbc:mariadb:}) on the tests' MariaDB server keeps
 * fractional seconds, and the application migrates and starts with such a URL (the MySQL-family
 * vendor migrations included). Skipped on MySQL (Testcontainers) and H2.
 */
class MariaDbDriverTest {

    final String database = "sw_mariadb_url_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
    boolean created;

    @AfterEach
    void drop() throws SQLException {
        if (created) {
            TestDatabase.dropDatabase(database);
        }
    }

    @Test
    void fractionalSecondsSurviveWithMariaDbsDriver() throws SQLException {
        TestDatabase.Connection db = mariaDb();
        Instant written = Instant.parse("2026-12-04T10:15:30.123456Z");
        try (var connection = DriverManager.getConnection(mariaDbUrl(db.url()), db.username(), db.password());
                var statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE fraction_probe (at DATETIME(6) NOT NULL)");
            try (var insert = connection.prepareStatement("INSERT INTO fraction_probe (at) VALUES (?)")) {
                insert.setTimestamp(1, Timestamp.from(written));
                insert.executeUpdate();
            }
            try (var rows = statement.executeQuery("SELECT at FROM fraction_probe")) {
                rows.next();
                assertThat(rows.getTimestamp(1).toInstant()).isEqualTo(written);
            }
        }
    }

    @Test
    void theApplicationMigratesAndStartsWithAJdbcMariaDbUrl() throws SQLException {
        mariaDb();
        TestDatabase.Connection fresh = TestDatabase.createDatabase(database, "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        created = true;
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + mariaDbUrl(fresh.url()),
                "--spring.datasource.username=" + fresh.username(), "--spring.datasource.password=" + fresh.password(),
                "--" + TestDatabaseInitializer.OWN_DATABASE + "=true", "--server.port=0", "--spring.main.banner-mode=off",
                "--syncwatch.scheduling.enabled=false", "--syncwatch.imports.scheduler.enabled=false",
                "--syncwatch.alerts.scheduling.enabled=false"));
        try (var app = new SpringApplicationBuilder(SyncwatchApplication.class).run(args.toArray(String[]::new))) {
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            String driver = jdbc.sql("select 1").query((rs, i) -> rs.getStatement().getConnection().getMetaData().getDriverName())
                    .single();
            assertThat(driver).containsIgnoringCase("MariaDB");
            List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = database()")
                    .query(String.class).list();
            assertThat(tables).contains("EVENT_PUBLICATION", "account", "ac_request_log", "password_setup_link");
            assertThat(jdbc.sql("select count(*) from information_schema.partitions where table_schema = database() "
                    + "and table_name = 'ac_request_log' and partition_name is not null").query(Long.class).single())
                    .as("the request log's day partitions (vendor migration)").isPositive();
        }
    }

    private static TestDatabase.Connection mariaDb() throws SQLException {
        assumeTrue(TestDatabase.isRealServer(), "needs a MariaDB server (H2 fallback in use)");
        TestDatabase.Connection db = TestDatabase.connection();
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            assumeTrue(connection.getMetaData().getDatabaseProductVersion().contains("MariaDB"),
                    "the tests' server is not MariaDB: " + connection.getMetaData().getDatabaseProductVersion());
        }
        return db;
    }

    private static String mariaDbUrl(String mysqlUrl) {
        return mysqlUrl.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
    }
}
