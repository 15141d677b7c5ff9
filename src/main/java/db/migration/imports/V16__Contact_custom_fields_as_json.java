package db.migration.imports;

import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.syncwatch.platform.JsonColumns;

/**
 * Imports migration V16 (issue 19, decision 0023): {@code import_contact.custom_fields} from the old
 * {@code name=value} lines (one per field, joined by newlines) to one JSON object of name to value
 * (names sorted), written by the platform's {@link JsonColumns} as the contact store now writes it;
 * rows without fields (an empty text) become {@code NULL}. A Java migration (in this module's
 * Flyway folder, so it runs with the imports module's migrations only) because splitting lines and
 * writing JSON is not portable SQL across MySQL, MariaDB and H2.
 * <p>
 * A line without a {@code =} (or starting with one) continued the previous field's value, whose
 * newline the old format had written as a line break: it is joined back to that value with its
 * newline (the old reader dropped it). A value that is already a JSON object is left as it is.
 * The table can be large: {@link ContactColumnRewrite} reads it in batches.
 */
public class V16__Contact_custom_fields_as_json extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        // an empty text (no fields) becomes NULL; any other value not yet a JSON object is converted
        ContactColumnRewrite.rewrite(context.getConnection(), "custom_fields", V16__Contact_custom_fields_as_json::isJsonObject,
                stored -> stored.isEmpty() ? null : JsonColumns.write(fromLines(stored)));
    }

    private static boolean isJsonObject(String stored) {
        if (!stored.stripLeading().startsWith("{")) {
            return false;
        }
        try {
            JsonColumns.read(stored, Map.class);
            return true;
        } catch (IllegalStateException notJson) {
            return false;
        }
    }

    /** The old lines: {@code name=value} each, a line with no name continuing the previous value. */
    static Map<String, String> fromLines(String text) {
        Map<String, String> fields = new TreeMap<>();
        String last = null;
        for (String line : text.split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                last = line.substring(0, eq);
                fields.put(last, line.substring(eq + 1));
            } else if (last != null) {
                fields.put(last, fields.get(last) + "\n" + line);
            }
        }
        return fields;
    }
}
