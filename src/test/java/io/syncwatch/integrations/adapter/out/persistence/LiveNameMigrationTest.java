package io.syncwatch.integrations.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.syncwatch.testsupport.ScratchDatabase;

/**
 * Issue 18: the integrations module's migrations V2 and V3 on the tests' database server (MariaDB/MySQL; H2 when
 * no server is available). Integrations that already share a name are renamed deterministically instead of
 * breaking the migration, and afterwards the database itself refuses a second live integration of one name in an
 * account (case-insensitively) while deleted ones keep theirs and never block a name.
 */
class LiveNameMigrationTest {

    private ScratchDatabase db;

    @AfterEach
    void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void duplicatesAreRenamedAndTheDatabaseThenRefusesASecondLiveName() throws Exception {
        db = ScratchDatabase.onTheTestsDatabase("sw_live_names");
        db.migrate("integrations", "1");

        insert(1, 10, "Support EU", "ACTIVE");
        insert(2, 10, "support eu", "SETUP"); // same name, other case: renamed
        insert(3, 10, "Support EU", "DELETED"); // deleted: kept as it is
        insert(4, 10, "SUPPORT EU", "PAUSED"); // renamed
        insert(5, 10, "Billing", "ACTIVE");
        insert(6, 20, "Support EU", "ACTIVE"); // another account: its own names
        insert(7, 10, "x".repeat(100), "ACTIVE");
        insert(8, 10, "X".repeat(100), "ACTIVE"); // a long name is cut so that " (8)" fits

        db.migrate("integrations");

        Map<Integer, String> names = names();
        assertThat(names).containsExactlyEntriesOf(orderedMap(
                1, "Support EU",
                2, "support eu (2)",
                3, "Support EU",
                4, "SUPPORT EU (4)",
                5, "Billing",
                6, "Support EU",
                7, "x".repeat(100),
                8, "X".repeat(80) + " (8)"));

        assertThatThrownBy(() -> insert(9, 10, "billing", "SETUP"))
                .as("a second live 'Billing' in account 10").isInstanceOf(SQLIntegrityConstraintViolationException.class);
        insert(10, 10, "Billing", "DELETED"); // a deleted one never blocks a name
        insert(11, 20, "Billing", "ACTIVE"); // nor does another account's
        try (var jdbc = db.open(); var statement = jdbc.createStatement()) {
            statement.executeUpdate("UPDATE integration SET lifecycle = 'DELETED' WHERE id = 5");
        }
        insert(12, 10, "Billing", "ACTIVE"); // free again once the first is deleted
    }

    private void insert(int id, int account, String name, String lifecycle) throws Exception {
        try (var jdbc = db.open(); var statement = jdbc.prepareStatement("INSERT INTO integration (id, account_id, name, "
                + "platform, environment, schedule, filters, filters_configured, lifecycle, credentials, connected_at, "
                + "last_api_request_at) VALUES (?, ?, ?, 'demo', 'PRODUCTION', 'HOURLY', '{}', TRUE, ?, 'x', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            statement.setInt(1, id);
            statement.setInt(2, account);
            statement.setString(3, name);
            statement.setString(4, lifecycle);
            statement.executeUpdate();
        }
    }

    private Map<Integer, String> names() throws Exception {
        Map<Integer, String> names = new LinkedHashMap<>();
        try (var jdbc = db.open(); var rows = jdbc.createStatement().executeQuery("SELECT id, name FROM integration ORDER BY id")) {
            while (rows.next()) {
                names.put(rows.getInt(1), rows.getString(2));
            }
        }
        return names;
    }

    private static Map<Integer, String> orderedMap(Object... pairs) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}
