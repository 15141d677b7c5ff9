package db.migration.imports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.ImportFiltersJson;

/**
 * Imports migration V13 (issue 19, decision 0021): {@code import_integration.filters} from the old
 * tab-separated lines ({@code start<tab>date}, {@code status<tab>value},
 * {@code cond<tab>FIELD<tab>name<tab>value}) to the JSON document integrations stores for the same
 * {@link ImportFilters} ({@link ImportFiltersJson}). A Java migration (in this module's Flyway
 * folder, so it runs with the imports module's migrations only) because splitting lines and
 * writing JSON is not portable SQL across MySQL, MariaDB and H2; the table has one row per
 * integration. Tabs and newlines the old format had replaced by spaces stay spaces (the old
 * format had lost them). A value already JSON is left as it is.
 */
public class V13__Import_filters_as_json extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Map<Long, String> converted = new LinkedHashMap<>();
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows = select.executeQuery("SELECT id, filters FROM import_integration")) {
            while (rows.next()) {
                String filters = rows.getString(2);
                if (filters == null || !filters.stripLeading().startsWith("{")) {
                    converted.put(rows.getLong(1), ImportFiltersJson.write(fromLines(filters == null ? "" : filters)));
                }
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement("UPDATE import_integration SET filters = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> row : converted.entrySet()) {
                update.setString(1, row.getValue());
                update.setLong(2, row.getKey());
                update.addBatch();
            }
            if (!converted.isEmpty()) {
                update.executeBatch();
            }
        }
    }

    /** The old format, read as the old codec read it. */
    static ImportFilters fromLines(String text) {
        LocalDate start = null;
        Set<String> statuses = new HashSet<>();
        List<FilterCondition> conditions = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            switch (parts[0]) {
                case "start" -> start = LocalDate.parse(parts[1]);
                case "status" -> statuses.add(parts[1]);
                case "cond" -> conditions.add(new FilterCondition(FilterField.valueOf(parts[1]),
                        parts[2].isEmpty() ? null : parts[2], parts[3]));
                default -> {
                }
            }
        }
        return new ImportFilters(conditions, start, statuses);
    }
}
