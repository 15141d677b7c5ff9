package io.syncwatch.integrations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an integration imports: every condition must hold, nothing before the historical start
 * date, and only conversations whose status is among the status criteria (empty = any status).
 */
public record ImportFilters(List<FilterCondition> conditions, @Nullable LocalDate historicalStart,
        Set<String> statusCriteria) {

    public ImportFilters {
        conditions = List.copyOf(conditions);
        statusCriteria = Set.copyOf(statusCriteria);
    }

    public static ImportFilters none() {
        return new ImportFilters(List.of(), null, Set.of());
    }
}
