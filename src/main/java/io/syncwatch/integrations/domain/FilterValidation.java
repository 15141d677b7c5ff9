package io.syncwatch.integrations.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;

/** The rules every filter set must meet, as field → message (empty when valid). */
public final class FilterValidation {

    public static final int MAX_VALUE_LENGTH = 200;

    private FilterValidation() {
    }

    public static Map<String, String> problems(ImportFilters filters, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        int i = 0;
        for (FilterCondition c : filters.conditions()) {
            String field = "conditions[" + i++ + "]";
            if (c.value() == null || c.value().isBlank()) {
                problems.put(field + ".value", "Enter the value the " + c.field().label().toLowerCase() + " must have");
            } else if (c.value().length() > MAX_VALUE_LENGTH) {
                problems.put(field + ".value", "At most " + MAX_VALUE_LENGTH + " characters");
            }
            if (c.field() == FilterField.CUSTOM_FIELD) {
                String n = c.customFieldName();
                if (n == null || n.isBlank()) {
                    problems.put(field + ".customFieldName", "A custom-field filter needs the field's name");
                } else if (n.length() > 100 || !n.matches("[\\p{L}\\p{N} _.\\-]+")) {
                    problems.put(field + ".customFieldName",
                            "Use up to 100 letters, digits, spaces, dots, dashes or underscores for the field name");
                }
            }
        }
        if (filters.historicalStart() != null && filters.historicalStart().isAfter(today)) {
            problems.put("historicalStart", "The historical start date cannot be in the future");
        }
        for (String s : filters.statusCriteria()) {
            if (s.isBlank() || s.length() > 50) {
                problems.put("statusCriteria", "Status values are 1 to 50 characters");
            }
        }
        return problems;
    }
}
