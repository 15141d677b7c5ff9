package io.syncwatch.imports.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.ImportFiltersJson;
import io.syncwatch.testsupport.TestDatabase;

/**
 * Imports migration V13: filters written the old way (tab-separated lines) become the JSON document
 * integrations stores for the same filters, on the real server (a database of its own) and on H2;
 * empty filters stay empty, and a document already JSON is left alone.
 */
class ImportFiltersMigrationTest {

    @Test
    void onTheRealServer() throws Exception {
        assumeTrue(TestDatabase.isRealServer(), "needs a MySQL-family server (H2 fallback in use)");
        String name = "sw_migration_" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabase.Connection db = TestDatabase.createDatabase(name, "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            migrateOldFilters(new DriverManagerDataSource(db.url(), db.username(), db.password()), "mysql");
        } finally {
            TestDatabase.dropDatabase(name);
        }
    }

    @Test
    void onH2() {
        migrateOldFilters(new DriverManagerDataSource("jdbc:h2:mem:migration_" + UUID.randomUUID()
                + ";MODE=MySQL;IGNORECASE=TRUE;DB_CLOSE_DELAY=-1", "sa", ""), "h2");
    }

    private void migrateOldFilters(DataSource data, String vendor) {
        flyway(data, vendor, "12").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        // as the old FiltersCodec wrote them (statuses sorted, tabs and newlines of values already spaces)
        insert(jdbc, 1, "start\t2026-01-15\nstatus\topen\nstatus\tpending\ncond\tTAG\t\tvip gold\n"
                + "cond\tCUSTOM_FIELD\tPlan (tier)\tPremium – 日本 🚀");
        insert(jdbc, 2, "");
        String alreadyJson = ImportFiltersJson.write(new ImportFilters(List.of(new FilterCondition(FilterField.TAG, null, "a\tb")), null,
                Set.of()));
        insert(jdbc, 3, alreadyJson);

        flyway(data, vendor, "latest").migrate();

        assertThat(ImportFiltersJson.read(filters(jdbc, 1))).isEqualTo(new ImportFilters(List.of(
                new FilterCondition(FilterField.TAG, null, "vip gold"),
                new FilterCondition(FilterField.CUSTOM_FIELD, "Plan (tier)", "Premium – 日本 🚀")),
                LocalDate.of(2026, 1, 15), Set.of("open", "pending")));
        assertThat(ImportFiltersJson.read(filters(jdbc, 2))).isEqualTo(ImportFilters.none());
        assertThat(filters(jdbc, 3)).isEqualTo(alreadyJson);
    }

    private static void insert(JdbcTemplate jdbc, long id, String filters) {
        jdbc.update("INSERT INTO import_integration (id, account_id, name, platform, schedule, filters, lifecycle, updated_at) "
                + "VALUES (?, 1, 'Support', 'ZENDESK', 'HOURLY', ?, 'ACTIVE', ?)", id, filters, LocalDateTime.now());
    }

    private static String filters(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT filters FROM import_integration WHERE id = ?", String.class, id);
    }

    /** The imports module's migrations as Spring Modulith runs them: its folder, its vendor folder, its history table. */
    private static Flyway flyway(DataSource data, String vendor, String target) {
        return Flyway.configure().dataSource(data)
                .locations("classpath:db/migration/imports", "classpath:db/vendor/" + vendor + "/imports")
                .table("flyway_schema_history_imports").target(target).load();
    }
}
