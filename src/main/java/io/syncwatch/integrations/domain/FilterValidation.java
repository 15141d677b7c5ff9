package io.syncwatch.integrations.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;

/**
 * The rules every filter set must meet, as field → message (empty when valid). Each rule is also
 * offered alone, so that the filters editor checks a field with the same words as the use case.
 */
public final class FilterValidation {

    public static final int MAX_VALUE_LENGTH = 200;
    public static final int MAX_CUSTOM_FIELD_NAME_LENGTH = 100;

    private FilterValidation() {
    }

    public static Map<String, String> problems(ImportFilters filters, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        int i = 0;
        for (FilterCondition c : filters.conditions()) {
            String field = "conditions[" + i++ + "]";
            put(problems, field + ".value", valueProblem(c.field(), c.value()));
            if (c.field() == FilterField.CUSTOM_FIELD) {
                put(problems, field + ".customFieldName", customFieldNameProblem(c.customFieldName()));
            }
        }
        put(problems, "historicalStart", historicalStartProblem(filters.historicalStart(), today));
        put(problems, "statusCriteria", statusCriteriaProblem(filters.statusCriteria()));
        return problems;
    }

    public static @Nullable String valueProblem(FilterField field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return "Enter the value the " + field.label().toLowerCase() + " must have";
        }
        return value.length() > MAX_VALUE_LENGTH ? "At most " + MAX_VALUE_LENGTH + " characters" : null;
    }

    public static @Nullable String customFieldNameProblem(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "A custom-field filter needs the field's name";
        }
        if (name.length() > MAX_CUSTOM_FIELD_NAME_LENGTH || !name.matches("[\\p{L}\\p{N} _.\\-]+")) {
            return "Use up to 100 letters, digits, spaces, dots, dashes or underscores for the field name";
        }
        return null;
    }

    public static @Nullable String historicalStartProblem(@Nullable LocalDate start, LocalDate today) {
        return start != null && start.isAfter(today) ? "The historical start date cannot be in the future" : null;
    }

    public static @Nullable String statusCriteriaProblem(@Nullable Collection<String> statuses) {
        if (statuses != null && statuses.stream().anyMatch(s -> s.isBlank() || s.length() > 50)) {
            return "Status values are 1 to 50 characters";
        }
        return null;
    }

    private static void put(Map<String, String> problems, String field, @Nullable String message) {
        if (message != null) {
            problems.put(field, message);
        }
    }
}
