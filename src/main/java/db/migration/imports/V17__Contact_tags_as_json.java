package db.migration.imports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.syncwatch.platform.JsonColumns;

/**
 * Imports migration V17 (issue 19, decision 0023): {@code import_contact.tags} from the old
 * comma-joined text to one JSON array of the tags, sorted, as the contact store now writes it; an
 * empty text becomes {@code NULL}. The old text cannot tell a comma inside a tag from one between
 * tags, so each old value is split at its commas, as the old reader did (nothing that was shown is
 * lost). A value that is already a JSON array is left as it is. Only whole tags that fit the
 * column's 1,000 characters are kept (the JSON is a little longer than the old text: only a row
 * with hundreds of tags reaches that). Read in primary-key order, a thousand rows at a time.
 */
public class V17__Contact_tags_as_json extends BaseJavaMigration {

    private static final int BATCH = 1000;
    static final int MAX_CHARS = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement select = context.getConnection().prepareStatement(
                "SELECT id, tags FROM import_contact WHERE id > ? AND tags IS NOT NULL ORDER BY id LIMIT " + BATCH);
                PreparedStatement update = context.getConnection().prepareStatement("UPDATE import_contact SET tags = ? WHERE id = ?")) {
            long after = 0;
            while (true) {
                select.setLong(1, after);
                Map<Long, String> converted = new LinkedHashMap<>();
                int read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        after = rows.getLong(1);
                        String stored = rows.getString(2);
                        if (!isJsonArray(stored)) {
                            converted.put(after, fromCommas(stored));
                        }
                    }
                }
                for (Map.Entry<Long, String> row : converted.entrySet()) {
                    update.setString(1, row.getValue());
                    update.setLong(2, row.getKey());
                    update.addBatch();
                }
                if (!converted.isEmpty()) {
                    update.executeBatch();
                }
                if (read < BATCH) {
                    break;
                }
            }
        }
    }

    private static boolean isJsonArray(String stored) {
        if (!stored.stripLeading().startsWith("[")) {
            return false;
        }
        try {
            JsonColumns.read(stored, String[].class);
            return true;
        } catch (IllegalStateException notJson) {
            return false;
        }
    }

    /** The old text's tags (split at commas, empty pieces dropped) as the JSON array, or null for none. */
    static String fromCommas(String text) {
        List<String> kept = new ArrayList<>();
        String json = null;
        for (String tag : new TreeSet<>(List.of(text.split(",")))) {
            if (tag.isEmpty()) {
                continue;
            }
            kept.add(tag);
            String candidate = JsonColumns.write(kept);
            if (candidate.length() > MAX_CHARS) {
                break;
            }
            json = candidate;
        }
        return json;
    }
}
