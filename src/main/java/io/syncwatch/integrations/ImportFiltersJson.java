package io.syncwatch.integrations;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.syncwatch.platform.JsonColumns;

/**
 * How {@link ImportFilters} are stored, by integrations (table {@code integration}) and by the
 * modules that keep a projection of them (imports' {@code import_integration}): one JSON document,
 * through the platform's {@link JsonColumns}, e.g.
 * {@code {"conditions":[{"field":"TAG","customFieldName":null,"value":"vip"}],"historicalStart":"2026-01-01","statusCriteria":["open"]}}.
 * Nothing is lost: every text is kept as typed, status criteria are written sorted.
 */
public final class ImportFiltersJson {

    /** The stored document (its names are the stored format: keep them). */
    record StoredImportFilters(List<StoredCondition> conditions, @Nullable String historicalStart, List<String> statusCriteria) {
    }

    record StoredCondition(String field, @Nullable String customFieldName, String value) {
    }

    private ImportFiltersJson() {
    }

    public static String write(ImportFilters filters) {
        List<StoredCondition> conditions = filters.conditions().stream()
                .map(c -> new StoredCondition(c.field().name(), c.customFieldName(), c.value())).toList();
        return JsonColumns.write(new StoredImportFilters(conditions,
                filters.historicalStart() == null ? null : filters.historicalStart().toString(),
                filters.statusCriteria().stream().sorted().toList()));
    }

    public static ImportFilters read(String json) {
        StoredImportFilters stored = JsonColumns.read(json, StoredImportFilters.class);
        List<FilterCondition> conditions = stored.conditions() == null ? List.of() : stored.conditions().stream()
                .map(c -> new FilterCondition(FilterField.valueOf(c.field()), c.customFieldName(), c.value())).toList();
        return new ImportFilters(conditions,
                stored.historicalStart() == null ? null : LocalDate.parse(stored.historicalStart()),
                stored.statusCriteria() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(stored.statusCriteria()));
    }
}
