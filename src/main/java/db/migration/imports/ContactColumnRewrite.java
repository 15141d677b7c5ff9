package db.migration.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Rewrites one text column of {@code import_contact} row by row, for the Java migrations that move
 * a home-made encoding to JSON (V16 custom fields, V17 tags). The table can be large: the rows with
 * a value are read in primary-key order, a thousand at a time, and the changed ones updated in
 * batches. Not a migration itself (Flyway only runs the {@code V…} classes of this folder).
 */
final class ContactColumnRewrite {

    private static final int BATCH = 1000;

    private ContactColumnRewrite() {
    }

    /**
     * Every non-null value of {@code column} that is not {@code alreadyDone} becomes {@code convert}'s
     * result ({@code NULL} when it returns null).
     */
    static void rewrite(Connection connection, String column, Predicate<String> alreadyDone,
            Function<String, @Nullable String> convert) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + column + " FROM import_contact WHERE id > ? AND "
                + column + " IS NOT NULL ORDER BY id LIMIT " + BATCH);
                PreparedStatement update = connection.prepareStatement("UPDATE import_contact SET " + column + " = ? WHERE id = ?")) {
            long after = 0;
            int read;
            do {
                select.setLong(1, after);
                Map<Long, @Nullable String> converted = new LinkedHashMap<>();
                read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        after = rows.getLong(1);
                        String stored = rows.getString(2);
                        if (!alreadyDone.test(stored)) {
                            converted.put(after, convert.apply(stored));
                        }
                    }
                }
                for (Map.Entry<Long, @Nullable String> row : converted.entrySet()) {
                    update.setString(1, row.getValue());
                    update.setLong(2, row.getKey());
                    update.addBatch();
                }
                if (!converted.isEmpty()) {
                    update.executeBatch();
                }
            } while (read == BATCH);
        }
    }
}
