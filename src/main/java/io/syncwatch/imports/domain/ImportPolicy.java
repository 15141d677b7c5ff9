package io.syncwatch.imports.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.ImportFilters;

/**
 * An integration's import criteria (spec 001, step 2): the historical start date, the status
 * criteria and every filter condition must hold. Comparisons ignore case. The first failing
 * check is reported, in that order.
 */
public final class ImportPolicy {

    private final ImportFilters filters;

    public ImportPolicy(ImportFilters filters) {
        this.filters = filters;
    }

    public ImportFilters filters() {
        return filters;
    }

    public Eligibility evaluate(SourceConversation conversation) {
        LocalDate start = filters.historicalStart();
        if (start != null && conversation.createdAt().isBefore(start.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return Eligibility.excluded("created on " + LocalDate.ofInstant(conversation.createdAt(), ZoneOffset.UTC)
                    + ", before this integration's start date " + start);
        }
        if (!filters.statusCriteria().isEmpty() && !matchesAny(conversation.status(), filters.statusCriteria())) {
            return Eligibility.excluded(describe("status", conversation.status()) + "; this integration imports only "
                    + filters.statusCriteria().stream().sorted().collect(Collectors.joining(" or ")) + " conversations");
        }
        for (FilterCondition condition : filters.conditions()) {
            if (!holds(condition, conversation)) {
                String requirement = condition.field() == io.syncwatch.integrations.FilterField.TAG ? condition.describe()
                        : "where " + condition.describe();
                return Eligibility.excluded(actual(condition, conversation)
                        + "; this integration imports only conversations " + requirement);
            }
        }
        return Eligibility.ELIGIBLE;
    }

    private static boolean holds(FilterCondition condition, SourceConversation c) {
        return switch (condition.field()) {
            case CHANNEL -> same(c.channel(), condition.value());
            case AGENT -> same(c.agent(), condition.value());
            case STATUS -> same(c.status(), condition.value());
            case TAG -> c.tags().stream().anyMatch(tag -> same(tag, condition.value()));
            case CUSTOM_FIELD -> same(customField(c.customFields(), condition.customFieldName()), condition.value());
        };
    }

    private static String actual(FilterCondition condition, SourceConversation c) {
        return switch (condition.field()) {
            case CHANNEL -> describe("channel", c.channel());
            case AGENT -> describe("agent", c.agent());
            case STATUS -> describe("status", c.status());
            case TAG -> "not tagged '" + condition.value() + "'";
            case CUSTOM_FIELD -> describe("custom field '" + condition.customFieldName() + "'",
                    customField(c.customFields(), condition.customFieldName()));
        };
    }

    private static @Nullable String customField(Map<String, String> fields, @Nullable String name) {
        if (name == null) {
            return null;
        }
        return fields.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String describe(String what, @Nullable String value) {
        return value == null || value.isBlank() ? what + " is empty" : what + " is '" + value + "'";
    }

    private static boolean matchesAny(@Nullable String value, java.util.Set<String> allowed) {
        return allowed.stream().anyMatch(a -> same(value, a));
    }

    private static boolean same(@Nullable String value, String expected) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals(expected.trim().toLowerCase(Locale.ROOT));
    }
}
