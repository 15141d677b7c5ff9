package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.testsupport.ScratchDatabase;

/**
 * Decision 0022 on rows written before it, each module's migrations run as Spring Modulith runs them
 * (its folders, its history table; a module after the first finds the schema non-empty, as in the app), on the real server (a database of its own) and on H2: an existing
 * integration gets version 1 (0 would read as "never stored" to Spring Data JDBC), the imports projection
 * and the health record hold version 0, so the integration's next change (version 2) applies to both.
 */
class IntegrationVersionMigrationsTest {

    @Test
    void onTheRealServer() throws Exception {
        try (var db = ScratchDatabase.onServer("sw_versions")) {
            migrateRowsWrittenBefore(db);
        }
    }

    @Test
    void onH2() throws Exception {
        try (var db = ScratchDatabase.onH2("versions")) {
            migrateRowsWrittenBefore(db);
        }
    }

    private void migrateRowsWrittenBefore(ScratchDatabase db) {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        db.migrate("integrations", "3");
        db.migrate("imports", "13");
        db.migrate("health", "106");
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

        db.migrate("integrations");
        db.migrate("imports");
        db.migrate("health");

        assertThat(jdbc.queryForObject("SELECT version FROM integration WHERE id = 7", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT integration_version FROM import_integration WHERE id = 7", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT integration_version FROM health_record WHERE integration_id = 7", Long.class))
                .isZero();
    }
}
