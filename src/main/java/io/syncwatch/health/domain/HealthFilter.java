package io.syncwatch.health.domain;

import java.util.Set;

import io.syncwatch.health.SummaryStatus;

/** What the Platforms tab shows: summary statuses (empty = all), a name search, deleted or not. */
public record HealthFilter(Set<SummaryStatus> statuses, String search, boolean showDeleted) {

    public HealthFilter {
        statuses = Set.copyOf(statuses);
        search = search.strip();
    }

    public static HealthFilter all() {
        return new HealthFilter(Set.of(), "", false);
    }
}
