package io.syncwatch.integrations;

/** Identifies an integration. */
public record IntegrationId(long value) {

    public static IntegrationId of(long value) {
        return new IntegrationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
