package db.migration.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.jspecify.annotations.Nullable;
import org.flywaydb.core.api.migration.Context;

import io.syncwatch.platform.JsonColumns;

/**
 * Imports migration V17 (issue 19, decision 0023): {@code import_contact.tags} from the old
 * comma-joined text to one JSON array of the tags, sorted, as the contact store now writes it; an
 * empty text becomes {@code NULL}. The old text cannot tell a comma inside a tag from one between
 * tags, so each old value is split at its commas, as the old reader did (nothing that was shown is
 * lost). A value that is already a JSON array is left as it is. Only whole tags that fit the
 * column's 1,000 characters are kept (the JSON is a little longer than the old text: only a row
 * with hundreds of tags reaches that). Read in batches by {@link ContactColumnRewrite}.
 */
public class V17__Contact_tags_as_json extends BaseJavaMigration {

    static final int MAX_CHARS = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        ContactColumnRewrite.rewrite(context.getConnection(), "tags", V17__Contact_tags_as_json::isJsonArray,
                V17__Contact_tags_as_json::fromCommas);
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
    static @Nullable String fromCommas(String text) {
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
