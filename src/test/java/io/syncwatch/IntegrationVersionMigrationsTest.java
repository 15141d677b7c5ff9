package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.syncwatch.testsupport.TestDatabase;

/**
 * Decision 0022 on rows written before it, each module's migrations run as Spring Modulith runs them
 * (its folders, its history table; a module after the first finds the schema non-empty, as in the app), on the real server (a database of its own) and on H2: an existing
 * integration gets version 1 (0 would read as "never stored" to Spring Data JDBC), the imports projection
 * and the health record hold version 0, so the integration's next change (version 2) applies to both.
 */
class IntegrationVersionMigrationsTest {

    @Test
    void onTheRealServer() throws Exception {
        assumeTrue(TestDatabase.isRealServer(), "needs a MySQL-family server (H2 fallback in use)");
        String name = "sw_versions_" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.Connection db = TestDatabase.createDatabase(name, "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            migrateRowsWrittenBefore(new DriverManagerDataSource(db.url(), db.username(), db.password()), "mysql");
        } finally {
            TestDatabase.dropDatabase(name);
        }
    }

    @Test
    void onH2() {
        migrateRowsWrittenBefore(new DriverManagerDataSource("jdbc:h2:mem:versions_" + UUID.randomUUID()
                + ";MODE=MySQL;IGNORECASE=TRUE;DB_CLOSE_DELAY=-1", "sa", ""), "h2");
    }

    private void migrateRowsWrittenBefore(DataSource data, String vendor) {
        JdbcTemplate jdbc = new JdbcTemplate(data);
        flyway(data, vendor, "integrations", "3").migrate();
        flyway(data, vendor, "imports", "13").migrate();
        flyway(data, vendor, "health", "106").migrate();
        jdbc.update("INSERT INTO integration (id, account_id, name, platform, environment, schedule, filters,"
                + " filters_configured, lifecycle, credentials, connected_at, last_api_request_at)"
                + " VALUES (7, 1, 'Support', 'demo', 'PRODUCTION', 'HOURLY', '{}', TRUE, 'ACTIVE', 'v1:x', ?, ?)",
                LocalDateTime.now(), LocalDateTime.now());
        jdbc.update("INSERT INTO import_integration (id, account_id, name, platform, schedule, filters, lifecycle, updated_at)"
                + " VALUES (7, 1, 'Support', 'demo', 'HOURLY', '{}', 'ACTIVE', ?)", LocalDateTime.now());
        jdbc.update("INSERT INTO health_record (integration_id, account_id, name, platform, schedule, schedule_minutes,"
                + " lifecycle, connected_at, run_state, detailed_state, summary_rank, deleted, running, first_run_done)"
                + " VALUES (7, 1, 'Support', 'demo', 'HOURLY', 60, 'ACTIVE', ?, 'ACTIVE', 'ACTIVE', 3, FALSE, FALSE, TRUE)",
                LocalDateTime.now());

        flyway(data, vendor, "integrations", "latest").migrate();
        flyway(data, vendor, "imports", "latest").migrate();
        flyway(data, vendor, "health", "latest").migrate();

        assertThat(jdbc.queryForObject("SELECT version FROM integration WHERE id = 7", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT integration_version FROM import_integration WHERE id = 7", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT integration_version FROM health_record WHERE integration_id = 7", Long.class))
                .isZero();
    }

    private static Flyway flyway(DataSource data, String vendor, String module, String target) {
        return Flyway.configure().dataSource(data)
                .locations("classpath:db/migration/" + module, "classpath:db/vendor/" + vendor + "/" + module)
                .table("flyway_schema_history_" + module).baselineVersion("0").baselineOnMigrate(true).target(target).load();
    }
}
