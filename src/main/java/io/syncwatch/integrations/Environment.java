package io.syncwatch.integrations;

/** Where an integration's data goes; development integrations go inactive after 14 idle days. */
public enum Environment {
    PRODUCTION("Production"), DEVELOPMENT("Development");

    private final String label;

    Environment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
