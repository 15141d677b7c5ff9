package io.syncwatch.imports.adapter.out.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;

/** Stores import filters as text lines: {@code start\t<date>}, {@code status\t<value>}, {@code cond\t<field>\t<name>\t<value>}. */
final class FiltersCodec {

    private FiltersCodec() {
    }

    static String encode(ImportFilters filters) {
        var lines = new ArrayList<String>();
        if (filters.historicalStart() != null) {
            lines.add("start\t" + filters.historicalStart());
        }
        filters.statusCriteria().stream().sorted().forEach(s -> lines.add("status\t" + clean(s)));
        for (FilterCondition c : filters.conditions()) {
            lines.add("cond\t" + c.field().name() + "\t" + (c.customFieldName() == null ? "" : clean(c.customFieldName()))
                    + "\t" + clean(c.value()));
        }
        return String.join("\n", lines);
    }

    static ImportFilters decode(String text) {
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

    private static String clean(String value) {
        return value.replace('\t', ' ').replace('\n', ' ');
    }
}
