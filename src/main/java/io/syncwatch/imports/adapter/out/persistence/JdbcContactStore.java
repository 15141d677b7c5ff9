package io.syncwatch.imports.adapter.out.persistence;

import static io.syncwatch.imports.adapter.out.persistence.JdbcImportIntegrations.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.syncwatch.imports.domain.ContactSearch;
import io.syncwatch.imports.domain.ImportedContact;
import io.syncwatch.imports.application.port.out.ContactStore;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * Contacts, in hand-written SQL: written with multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE}
 * statements (one per chunk) so that new and refreshed records of a page cost a few round trips
 * ({@code ImportBenchmark}); the unique key (integration, source reference) keeps one record per
 * conversation even under races; searched by the contacts tab's dynamic filters. Custom fields are
 * one JSON document ({@link CustomFieldsJson}).
 */
@Component
class JdbcContactStore implements ContactStore {

    private static final int CHUNK = 1000;
    private static final String COLUMNS = "account_id, integration_id, source_reference, channel, agent, status, subject, "
            + "tags, custom_fields, source_created_at, source_updated_at, first_imported_at, last_refreshed_at";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE channel = VALUES(channel), agent = VALUES(agent), "
            + "status = VALUES(status), subject = VALUES(subject), tags = VALUES(tags), custom_fields = VALUES(custom_fields), "
            + "source_created_at = VALUES(source_created_at), source_updated_at = VALUES(source_updated_at), "
            + "last_refreshed_at = VALUES(first_imported_at)";

    private final JdbcTemplate jdbc;
    private final Map<Integer, String> statements = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcContactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Instant> storedUpdatedAt(IntegrationId integration, Collection<String> references) {
        Map<String, Instant> found = new HashMap<>();
        List<String> all = List.copyOf(references);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            Object[] args = new Object[chunk.size() + 1];
            args[0] = integration.value();
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            jdbc.query("SELECT source_reference, source_updated_at FROM import_contact WHERE integration_id = ? "
                    + "AND source_reference IN (" + "?,".repeat(chunk.size() - 1) + "?)",
                    rs -> {
                        found.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }, args);
        }
        return found;
    }

    @Override
    public void save(AccountId account, IntegrationId integration, List<SourceConversation> inserts,
            List<SourceConversation> refreshes, Instant now) {
        List<SourceConversation> all = new ArrayList<>(inserts.size() + refreshes.size());
        all.addAll(inserts);
        all.addAll(refreshes);
        Timestamp stamp = JdbcImportIntegrations.ts(now);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<SourceConversation> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Object[] args = new Object[chunk.size() * 12];
            int i = 0;
            for (SourceConversation c : chunk) {
                args[i++] = account.value();
                args[i++] = integration.value();
                args[i++] = c.reference();
                args[i++] = cut(c.channel(), 100);
                args[i++] = cut(c.agent(), 200);
                args[i++] = cut(c.status(), 100);
                args[i++] = cut(c.subject(), 500);
                args[i++] = TagsJson.write(c.tags());
                args[i++] = CustomFieldsJson.write(c.customFields());
                args[i++] = JdbcImportIntegrations.ts(c.createdAt());
                args[i++] = JdbcImportIntegrations.ts(c.updatedAt());
                args[i++] = stamp;
            }
            jdbc.update(statements.computeIfAbsent(chunk.size(), JdbcContactStore::upsert), args);
        }
    }

    private static String upsert(int rows) {
        return "INSERT INTO import_contact (" + COLUMNS + ") VALUES " + (ROW + ", ").repeat(rows - 1) + ROW + ON_DUPLICATE;
    }

    @Override
    public List<ImportedContact> search(AccountId account, ContactSearch search, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(account, search, args);
        String order = search.reference().isBlank() ? " ORDER BY first_imported_at DESC, id DESC"
                : " ORDER BY source_reference, id";
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM import_contact" + where + order + " LIMIT ? OFFSET ?", this::map, args.toArray());
    }

    @Override
    public long count(AccountId account, ContactSearch search) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject(countSql(account, search, args), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The SQL of a search by reference, for the benchmark's query plan. */
    static String referenceSearchSql(boolean prefix) {
        return "SELECT * FROM import_contact WHERE account_id = ? AND source_reference " + (prefix ? "LIKE ?" : "= ?")
                + " ORDER BY source_reference, id LIMIT 50";
    }

    @Override
    public Optional<ImportedContact> find(AccountId account, long id) {
        return jdbc.query("SELECT * FROM import_contact WHERE id = ? AND account_id = ?", this::map, id, account.value())
                .stream().findFirst();
    }

    @Override
    public List<String> channels(AccountId account, @org.jspecify.annotations.Nullable IntegrationId integration) {
        if (integration == null) {
            return jdbc.queryForList(channelsSql(false), String.class, account.value());
        }
        return jdbc.queryForList(channelsSql(true), String.class, account.value(), integration.value());
    }

    /**
     * The channel list of the contacts tab; with an integration it reads only the index
     * {@code ix_import_contact_account_integration_channel} (a range of one integration's entries).
     */
    static String channelsSql(boolean oneIntegration) {
        return "SELECT DISTINCT channel FROM import_contact WHERE account_id = ?"
                + (oneIntegration ? " AND integration_id = ?" : "") + " AND channel IS NOT NULL ORDER BY channel";
    }

    /** The SQL of the contacts tab's total for a search (the same WHERE as the grid), for plan checks. */
    static String countSql(AccountId account, ContactSearch search, List<Object> args) {
        return "SELECT COUNT(*) FROM import_contact" + where(account, search, args);
    }

    private static String where(AccountId account, ContactSearch search, List<Object> args) {
        var sql = new StringBuilder(" WHERE account_id = ?");
        args.add(account.value());
        String reference = search.reference().trim();
        boolean prefix = search.prefix() || reference.endsWith("*");
        reference = reference.endsWith("*") ? reference.substring(0, reference.length() - 1) : reference;
        if (!reference.isEmpty()) {
            if (prefix) {
                sql.append(" AND source_reference LIKE ?");
                args.add(reference.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append(" AND source_reference = ?");
                args.add(reference);
            }
        }
        if (search.integration() != null) {
            sql.append(" AND integration_id = ?");
            args.add(search.integration().value());
        }
        if (search.channel() != null && !search.channel().isBlank()) {
            sql.append(" AND channel = ?");
            args.add(search.channel());
        }
        if (search.importedFrom() != null) {
            sql.append(" AND first_imported_at >= ?");
            args.add(JdbcImportIntegrations.ts(search.importedFrom().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (search.importedTo() != null) {
            sql.append(" AND first_imported_at < ?");
            args.add(JdbcImportIntegrations.ts(search.importedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return sql.toString();
    }

    private ImportedContact map(ResultSet rs, int row) throws SQLException {
        return new ImportedContact(rs.getLong("id"), IntegrationId.of(rs.getLong("integration_id")),
                rs.getString("source_reference"), rs.getString("channel"), rs.getString("agent"), rs.getString("status"),
                rs.getString("subject"),
                TagsJson.read(rs.getString("tags")),
                CustomFieldsJson.read(rs.getString("custom_fields")),
                rs.getTimestamp("source_created_at").toInstant(), rs.getTimestamp("source_updated_at").toInstant(),
                rs.getTimestamp("first_imported_at").toInstant(), instant(rs.getTimestamp("last_refreshed_at")));
    }

    private static @org.jspecify.annotations.Nullable String cut(@org.jspecify.annotations.Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
