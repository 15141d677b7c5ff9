package io.syncwatch.imports.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.ImportFiltersJson;
import io.syncwatch.testsupport.ScratchDatabase;

/**
 * Imports migration V13: filters written the old way (tab-separated lines) become the JSON document
 * integrations stores for the same filters, on the real server (a database of its own) and on H2;
 * empty filters stay empty, and a document already JSON is left alone.
 */
class ImportFiltersMigrationTest {

    @Test
    void onTheRealServer() throws Exception {
        try (var db = ScratchDatabase.onServer("sw_migration")) {
            migrateOldFilters(db);
        }
    }

    @Test
    void onH2() throws Exception {
        try (var db = ScratchDatabase.onH2("migration")) {
            migrateOldFilters(db);
        }
    }

    private void migrateOldFilters(ScratchDatabase db) {
        db.migrate("imports", "12");
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        // as the old FiltersCodec wrote them (statuses sorted, tabs and newlines of values already spaces)
        insert(jdbc, 1, "start\t2026-01-15\nstatus\topen\nstatus\tpending\ncond\tTAG\t\tvip gold\n"
                + "cond\tCUSTOM_FIELD\tPlan (tier)\tPremium – 日本 🚀");
        insert(jdbc, 2, "");
        String alreadyJson = ImportFiltersJson.write(new ImportFilters(List.of(new FilterCondition(FilterField.TAG, null, "a\tb")), null,
                Set.of()));
        insert(jdbc, 3, alreadyJson);

        db.migrate("imports");

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
}
