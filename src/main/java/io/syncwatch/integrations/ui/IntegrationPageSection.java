package io.syncwatch.integrations.ui;

import com.vaadin.flow.component.Component;

import io.syncwatch.integrations.IntegrationSnapshot;

/**
 * A block other modules contribute to the integration's page (health: status area; imports:
 * run now, import one conversation, backfill, history), so that this module need not know
 * them. Beans implementing it are rendered in {@link #order()}.
 * <p>
 * The page stays live: it asks each section to {@link #watch} the integration, and when any
 * section reports a change (a run started, retried or finished; paused, resumed, reconnected —
 * also from another browser or instance) it reads the integration again, updates its own badges
 * and actions, asks {@link Live} sections to update in place and renders the others again.
 */
public interface IntegrationPageSection {

    int order();

    Component render(IntegrationSnapshot integration);

    /** Calls {@code changed} (from any thread) whenever the integration may have changed, until closed. */
    default Watch watch(IntegrationSnapshot integration, Runnable changed) {
        return () -> {
        };
    }

    /** A watch on one integration; closing it ends the calls. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A rendered section that updates itself in place (keeping what the user typed and the run it
     * follows) when the page learns the integration changed.
     */
    interface Live {
        void integrationChanged(IntegrationSnapshot integration);
    }
}
