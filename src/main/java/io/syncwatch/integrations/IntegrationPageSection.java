package io.syncwatch.integrations;

import com.vaadin.flow.component.Component;

/**
 * A block other modules contribute to the integration's page (health: status area; imports:
 * run now, import one conversation, backfill, history), so that this module need not know
 * them. Beans implementing it are rendered in {@link #order()}.
 */
public interface IntegrationPageSection {

    int order();

    Component render(IntegrationSnapshot integration);
}
