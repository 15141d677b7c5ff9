package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import io.syncwatch.testsupport.ScratchDatabase;

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

    @Test
    void aDatabaseMigratedBeforeTheSplitUpgradesInPlaceAndKeepsItsData() throws SQLException {
        try (var db = ScratchDatabase.onServer("sw_alerts_migration")) {
            // the release before the split: health's folder (V100-V104 created the alerts tables), no alerts folder
            db.migrate("health");
            try (Connection c = db.open()) {
                c.createStatement().execute("INSERT INTO health_alert_owner (account_id, integration_id, recipients, mailboxes) "
                        + "VALUES (1, 7, 'olivia@example.test', 'support-team@example.test')");
                c.createStatement().execute("INSERT INTO health_webhook_endpoint (account_id, url, description, event_types, "
                        + "enabled, secret_cipher, created_at) VALUES (1, 'https://hooks.example.test/in', 'Ops', "
                        + "'integration.state_changed', true, 'cipher', CURRENT_TIMESTAMP(6))");
            }

            MigrateResult alerts = db.migrate("alerts");

            assertThat(alerts.success).isTrue();
            assertThat(alerts.migrationsExecuted).as("alerts' V1 is recorded in its own history").isEqualTo(1);
            assertThat(db.migrate("health").migrationsExecuted).as("health validates unchanged: its files are frozen")
                    .isZero();
            try (Connection c = db.open()) {
                assertThat(single(c, "SELECT CONCAT(recipients, ' ', mailboxes) FROM health_alert_owner WHERE integration_id = 7"))
                        .isEqualTo("olivia@example.test support-team@example.test");
                assertThat(single(c, "SELECT url FROM health_webhook_endpoint WHERE description = 'Ops'"))
                        .isEqualTo("https://hooks.example.test/in");
                assertThat(single(c, "SELECT GROUP_CONCAT(version ORDER BY installed_rank) FROM flyway_schema_history_alerts"))
                        .as("baseline 0 (the schema was not empty), then V1").isEqualTo("0,1");
            }
        }
    }

    @Test
    void aFreshDatabaseAndAlertsOnItsOwnGetTheTablesHealthsHistoricalMigrationsCreated() throws SQLException {
        try (var fresh = ScratchDatabase.onServer("sw_alerts_migration");
                var alone = ScratchDatabase.onServer("sw_alerts_migration")) {
            fresh.migrate("health");
            fresh.migrate("alerts");
            assertThat(alone.migrate("alerts").migrationsExecuted).isEqualTo(1);

            try (Connection a = fresh.open(); Connection b = alone.open()) {
                for (String table : ALERTS_TABLES) {
                    assertThat(shape(b, alone.name(), table)).as(table).isNotEmpty()
                            .isEqualTo(shape(a, fresh.name(), table));
                }
                assertThat(single(b, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + alone.name()
                        + "' AND table_name LIKE 'health\\_record%'")).as("alerts creates none of health's own tables")
                        .isEqualTo("0");
            }
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

    private static String single(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
