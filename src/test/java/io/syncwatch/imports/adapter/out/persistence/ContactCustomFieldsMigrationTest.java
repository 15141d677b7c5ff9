package io.syncwatch.imports.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.ScratchDatabase;

/**
 * Imports migration V16: contacts' custom fields written the old way ({@code name=value} lines)
 * become the JSON object the contact store reads, on the real server (a database of its own) and on
 * H2: unicode kept, a value with a {@code =} kept whole, a multi-line value joined back (the old
 * reader had dropped its other lines), empty fields {@code NULL}, a document already JSON left
 * alone, every row of a table larger than one batch converted. Then the store itself keeps names
 * and values exactly (newlines, tabs, {@code =}, quotes) and still finds the contacts.
 */
class ContactCustomFieldsMigrationTest {

    private static final int MANY = 2_345;

    @Test
    void onTheRealServer() throws Exception {
        try (var db = ScratchDatabase.onServer("sw_migration")) {
            migrateOldCustomFields(db);
        }
    }

    @Test
    void onH2() throws Exception {
        try (var db = ScratchDatabase.onH2("migration")) {
            migrateOldCustomFields(db);
        }
    }

    private void migrateOldCustomFields(ScratchDatabase db) {
        db.migrate("imports", "15");
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        // as the old store wrote them: names sorted, name=value joined by newlines
        insert(jdbc, 1, "Plan (tier)=Premium – 日本 🚀\nregion=EU");
        insert(jdbc, 2, "formula=a=b\nnotes=first line\nsecond line\n\nregion=EU");
        insert(jdbc, 3, "");
        insert(jdbc, 4, null);
        String alreadyJson = "{\"region\":\"EU\"}";
        insert(jdbc, 5, alreadyJson);
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            many.add(new Object[] { 100 + i, "M-" + i, "n=" + i, now(), now(), now() });
        }
        jdbc.batchUpdate("INSERT INTO import_contact (id, account_id, integration_id, source_reference, custom_fields, "
                + "source_created_at, source_updated_at, first_imported_at) VALUES (?, 1, 7, ?, ?, ?, ?, ?)", many);

        db.migrate("imports");

        assertThat(fields(jdbc, 1)).containsExactly(Map.entry("Plan (tier)", "Premium – 日本 🚀"), Map.entry("region", "EU"));
        assertThat(fields(jdbc, 2)).containsExactly(Map.entry("formula", "a=b"),
                Map.entry("notes", "first line\nsecond line\n"), Map.entry("region", "EU"));
        assertThat(stored(jdbc, 3)).as("no fields").isNull();
        assertThat(stored(jdbc, 4)).isNull();
        assertThat(stored(jdbc, 5)).isEqualTo(alreadyJson);
        assertThat(jdbc.query("SELECT id, custom_fields FROM import_contact WHERE id >= 100", (rs, n) -> Map.entry(
                rs.getLong(1), CustomFieldsJson.read(rs.getString(2))))).as("every batch").hasSize(MANY)
                .allSatisfy(row -> assertThat(row.getValue()).containsExactly(Map.entry("n", Long.toString(row.getKey() - 100))));

        JdbcContactStore store = new JdbcContactStore(jdbc);
        AccountId account = AccountId.of(2);
        Map<String, String> tricky = Map.of("Plan\t(tier)", "Gold\nannual", "a=b", "\"quoted\" = yes", "日本", "🚀");
        store.save(account, IntegrationId.of(8), List.of(conversation("R-1", tricky), conversation("R-2", Map.of())), List.of(),
                Instant.now());
        List<ImportedContact> found = store.search(account, ContactSearch.all(), 0, 10);
        assertThat(found).extracting(ImportedContact::reference).containsExactlyInAnyOrder("R-1", "R-2");
        assertThat(store.search(account, new ContactSearch("R-1", false, null, "email", null, null), 0, 10))
                .singleElement().satisfies(c -> assertThat(c.customFields()).isEqualTo(tricky));
        assertThat(store.search(account, new ContactSearch("R-2", false, null, null, null, null), 0, 10))
                .singleElement().satisfies(c -> assertThat(c.customFields()).isEmpty());
    }

    private static SourceConversation conversation(String reference, Map<String, String> fields) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SourceConversation(reference, "email", "Ann", "open", Set.of("vip"), fields, "Subject", at, at);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void insert(JdbcTemplate jdbc, long id, @Nullable String customFields) {
        jdbc.update("INSERT INTO import_contact (id, account_id, integration_id, source_reference, custom_fields, "
                + "source_created_at, source_updated_at, first_imported_at) VALUES (?, 1, 7, ?, ?, ?, ?, ?)",
                id, "C-" + id, customFields, now(), now(), now());
    }

    private static @Nullable String stored(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT custom_fields FROM import_contact WHERE id = ?", String.class, id);
    }

    /** As the contact store reads them. */
    private static Map<String, String> fields(JdbcTemplate jdbc, long id) {
        return CustomFieldsJson.read(stored(jdbc, id));
    }
}
