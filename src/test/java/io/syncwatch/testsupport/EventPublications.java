package io.syncwatch.testsupport;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry's table, for tests that must wait until an event was handled
 * even when handling it changes nothing visible (a stale event ignored): completed publications
 * are deleted (completion mode {@code delete}), so an event is handled once no incomplete
 * publication mentions it.
 */
public final class EventPublications {

    private EventPublications() {
    }

    /**
     * {@code true} once no incomplete publication's serialized event contains {@code token} (an
     * integration's random id, say), else null: a supplier for {@code Scenario}'s
     * {@code andWaitForStateChange}, which waits for a non-null value.
     */
    public static @Nullable Boolean allHandled(JdbcClient jdbc, long token) {
        Long incomplete = jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL"
                + " AND SERIALIZED_EVENT LIKE ?").param("%" + token + "%").query(Long.class).single();
        return incomplete == 0 ? Boolean.TRUE : null;
    }
}
