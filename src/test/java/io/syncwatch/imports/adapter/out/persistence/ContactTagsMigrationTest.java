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
 * Imports migration V17: contacts' tags written the old way (comma-joined, sorted) become the JSON
 * array the contact store reads, on the real server (a database of its own) and on H2: unicode
 * kept, an empty text {@code NULL}, a document already JSON left alone, every row of a table larger
 * than one batch converted. Then the store itself keeps a tag with a comma whole (the old format
 * read {@code "vip, gold"} back as two tags) and stores only whole tags up to the column's size.
 */
class ContactTagsMigrationTest {

    private static final int MANY = 2_345;

    @Test
    void onTheRealServer() throws Exception {
        try (var db = ScratchDatabase.onServer("sw_migration_tags")) {
            migrateOldTags(db);
        }
    }

    @Test
    void onH2() throws Exception {
        try (var db = ScratchDatabase.onH2("migration_tags")) {
            migrateOldTags(db);
        }
    }

    private void migrateOldTags(ScratchDatabase db) {
        db.migrate("imports", "16");
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        // as the old store wrote them: tags sorted, joined by commas
        insert(jdbc, 1, "refund,vip,日本 🚀");
        insert(jdbc, 2, "");
        insert(jdbc, 3, null);
        String alreadyJson = "[\"vip\"]";
        insert(jdbc, 4, alreadyJson);
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            many.add(new Object[] { 100 + i, "M-" + i, "t" + i + ",x", now(), now(), now() });
        }
        jdbc.batchUpdate("INSERT INTO import_contact (id, account_id, integration_id, source_reference, tags, "
                + "source_created_at, source_updated_at, first_imported_at) VALUES (?, 1, 7, ?, ?, ?, ?, ?)", many);

        db.migrate("imports");

        assertThat(stored(jdbc, 1)).isEqualTo("[\"refund\",\"vip\",\"日本 🚀\"]");
        assertThat(TagsJson.read(stored(jdbc, 1))).containsExactlyInAnyOrder("refund", "vip", "日本 🚀");
        assertThat(stored(jdbc, 2)).as("no tags").isNull();
        assertThat(stored(jdbc, 3)).isNull();
        assertThat(stored(jdbc, 4)).isEqualTo(alreadyJson);
        assertThat(jdbc.query("SELECT id, tags FROM import_contact WHERE id >= 100", (rs, n) -> Map.entry(
                rs.getLong(1), TagsJson.read(rs.getString(2))))).as("every batch").hasSize(MANY)
                .allSatisfy(row -> assertThat(row.getValue()).containsExactlyInAnyOrder("t" + (row.getKey() - 100), "x"));

        JdbcContactStore store = new JdbcContactStore(jdbc);
        AccountId account = AccountId.of(2);
        Set<String> tricky = Set.of("vip, gold", "\"quoted\"", "日本", "a\\b");
        Set<String> many300 = new java.util.TreeSet<>();
        for (int i = 0; i < 300; i++) {
            many300.add("tag-%03d".formatted(i));
        }
        store.save(account, IntegrationId.of(8), List.of(conversation("R-1", tricky), conversation("R-2", Set.of()),
                conversation("R-3", many300)), List.of(), Instant.now());
        assertThat(store.search(account, new ContactSearch("R-1", false, null, null, null, null), 0, 10))
                .singleElement().satisfies(c -> assertThat(c.tags()).as("a comma inside a tag").isEqualTo(tricky));
        assertThat(store.search(account, new ContactSearch("R-2", false, null, null, null, null), 0, 10))
                .singleElement().satisfies(c -> assertThat(c.tags()).isEmpty());
        assertThat(store.search(account, new ContactSearch("R-3", false, null, null, null, null), 0, 10))
                .singleElement().satisfies(c -> {
                    assertThat(c.tags()).as("whole tags, the first ones in order, as many as fit").isNotEmpty()
                            .allSatisfy(t -> assertThat(many300).contains(t));
                    assertThat(new java.util.TreeSet<>(many300).headSet("tag-%03d".formatted(c.tags().size())))
                            .containsExactlyElementsOf(new java.util.TreeSet<>(c.tags()));
                    assertThat(TagsJson.write(c.tags()).length()).isLessThanOrEqualTo(TagsJson.MAX_CHARS);
                });
    }

    private static SourceConversation conversation(String reference, Set<String> tags) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new SourceConversation(reference, "email", "Ann", "open", tags, Map.of(), "Subject", at, at);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static void insert(JdbcTemplate jdbc, long id, @Nullable String tags) {
        jdbc.update("INSERT INTO import_contact (id, account_id, integration_id, source_reference, tags, "
                + "source_created_at, source_updated_at, first_imported_at) VALUES (?, 1, 7, ?, ?, ?, ?, ?)",
                id, "C-" + id, tags, now(), now(), now());
    }

    private static @Nullable String stored(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT tags FROM import_contact WHERE id = ?", String.class, id);
    }
}
