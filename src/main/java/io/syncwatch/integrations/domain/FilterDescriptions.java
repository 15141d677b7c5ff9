package io.syncwatch.integrations.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.ImportFilters;

/** Human-readable summaries of filters for audit entries and pages. */
public final class FilterDescriptions {

    private FilterDescriptions() {
    }

    public static String describe(ImportFilters filters) {
        List<String> parts = new ArrayList<>();
        for (FilterCondition c : filters.conditions()) {
            parts.add(c.describe());
        }
        if (filters.historicalStart() != null) {
            parts.add("since " + filters.historicalStart());
        }
        parts.add(filters.statusCriteria().isEmpty() ? "any status" : "status in " + new TreeSet<>(filters.statusCriteria()));
        return String.join(", ", parts);
    }
}
