package io.syncwatch.integrations;

/** A change was asked of a deleted integration: it is kept read-only for its audit trail. */
public final class IntegrationIsDeleted extends IntegrationRefusal {

    public IntegrationIsDeleted(String name) {
        super("Integration '" + name + "' is deleted");
    }
}
