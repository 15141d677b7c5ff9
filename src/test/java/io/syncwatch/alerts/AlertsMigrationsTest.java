package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.syncwatch.testsupport.TestDatabase;

/**
 * Alerts' own Flyway folder (decision 0016) on the real server, module by module as Spring
 * Modulith runs it (one history table per module, {@code flyway_schema_history_<module>},
 * baseline 0): a database migrated by the release before alerts became a module (health's
 * V100-V104 applied, no alerts history) upgrades without touching its data, a fresh database
 * gets the same tables, and alerts' V1 alone (its module tests) creates exactly the shape
 * health's historical migrations left behind.
 */
class AlertsMigrationsTest {

    static final List<String> ALERTS_TABLES = List.of("health_webhook_endpoint", "health_webhook_delivery",
            "health_alert_owner", "health_alert_mail_log", "health_alert_mail_held", "health_alert_notice",
            "health_digest_integration", "health_digest_daily", "health_digest_sent");

    final List<String> scratch = new ArrayList<>();

    @AfterEach
    void dropScratchDatabases() throws SQLException {
        try (Connection c = connect()) {
            for (String schema : scratch) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    @Test
    void aDatabaseMigratedBeforeTheSplitUpgradesInPlaceAndKeepsItsData() throws SQLException {
        String db = scratchDatabase();
        // the release before the split: health's folder (V100-V104 created the alerts tables), no alerts folder
        migrate(db, "health");
        try (Connection c = connect(db)) {
            c.createStatement().execute("INSERT INTO health_alert_owner (account_id, integration_id, recipients, mailboxes) "
                    + "VALUES (1, 7, 'olivia@example.test', 'support-team@example.test')");
            c.createStatement().execute("INSERT INTO health_webhook_endpoint (account_id, url, description, event_types, "
                    + "enabled, secret_cipher, created_at) VALUES (1, 'https://hooks.example.test/in', 'Ops', "
                    + "'integration.state_changed', true, 'cipher', CURRENT_TIMESTAMP(6))");
        }

        MigrateResult alerts = migrate(db, "alerts");

        assertThat(alerts.success).isTrue();
        assertThat(alerts.migrationsExecuted).as("alerts' V1 is recorded in its own history").isEqualTo(1);
        assertThat(migrate(db, "health").migrationsExecuted).as("health validates unchanged: its files are frozen")
                .isZero();
        try (Connection c = connect(db)) {
            assertThat(single(c, "SELECT CONCAT(recipients, ' ', mailboxes) FROM health_alert_owner WHERE integration_id = 7"))
                    .isEqualTo("olivia@example.test support-team@example.test");
            assertThat(single(c, "SELECT url FROM health_webhook_endpoint WHERE description = 'Ops'"))
                    .isEqualTo("https://hooks.example.test/in");
            assertThat(single(c, "SELECT GROUP_CONCAT(version ORDER BY installed_rank) FROM flyway_schema_history_alerts"))
                    .as("baseline 0 (the schema was not empty), then V1").isEqualTo("0,1");
        }
    }

    @Test
    void aFreshDatabaseAndAlertsOnItsOwnGetTheTablesHealthsHistoricalMigrationsCreated() throws SQLException {
        String fresh = scratchDatabase();
        migrate(fresh, "health");
        migrate(fresh, "alerts");
        String alone = scratchDatabase();
        assertThat(migrate(alone, "alerts").migrationsExecuted).isEqualTo(1);

        try (Connection a = connect(fresh); Connection b = connect(alone)) {
            for (String table : ALERTS_TABLES) {
                assertThat(shape(b, alone, table)).as(table).isNotEmpty().isEqualTo(shape(a, fresh, table));
            }
            assertThat(single(b, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + alone
                    + "' AND table_name LIKE 'health\\_record%'")).as("alerts creates none of health's own tables")
                    .isEqualTo("0");
        }
    }

    /** Columns (name, type, nullability, default) and indexes (name, uniqueness, columns) of one table. */
    private static List<String> shape(Connection c, String schema, String table) throws SQLException {
        var shape = new ArrayList<String>();
        try (var rs = c.createStatement().executeQuery("SELECT column_name, column_type, is_nullable, column_default "
                + "FROM information_schema.columns WHERE table_schema = '" + schema + "' AND table_name = '" + table
                + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                shape.add("column " + rs.getString(1) + " " + rs.getString(2) + " null=" + rs.getString(3) + " default="
                        + rs.getString(4));
            }
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        try (var rs = c.createStatement().executeQuery("SELECT index_name, non_unique, column_name "
                + "FROM information_schema.statistics WHERE table_schema = '" + schema + "' AND table_name = '" + table
                + "' ORDER BY index_name, seq_in_index")) {
            while (rs.next()) {
                indexes.merge("index " + rs.getString(1) + " non_unique=" + rs.getString(2), rs.getString(3),
                        (x, y) -> x + "," + y);
            }
        }
        indexes.forEach((k, v) -> shape.add(k + " (" + v + ")"));
        return shape;
    }

    /** One module's folder, as Spring Modulith's Flyway strategy configures it. */
    private static MigrateResult migrate(String schema, String module) {
        var db = TestDatabase.connection();
        return Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .schemas(schema).defaultSchema(schema).createSchemas(false)
                .locations("classpath:db/migration/" + module, "classpath:db/vendor/mysql/" + module)
                .table("flyway_schema_history_" + module).baselineVersion("0").baselineOnMigrate(true)
                .load().migrate();
    }

    private String scratchDatabase() throws SQLException {
        assumeTrue(TestDatabase.isRealServer(), "the migrations are checked on a real MySQL-family server only");
        String name = "sw_alerts_migration_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Connection c = connect()) {
            c.createStatement().execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        scratch.add(name);
        return name;
    }

    private static Connection connect() throws SQLException {
        var db = TestDatabase.connection();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private static Connection connect(String schema) throws SQLException {
        Connection c = connect();
        c.setCatalog(schema);
        return c;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
