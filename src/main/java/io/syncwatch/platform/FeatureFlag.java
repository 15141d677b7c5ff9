package io.syncwatch.platform;

/** Features switched on per account. */
public enum FeatureFlag {

    /** Enables platform integrations for contact import. */
    INTEGRATIONS("Integrations", "Enables platform integrations for contact import"),

    /** Enables Agent Connect: the Requests API, its status page and company settings. */
    AGENT_CONNECT("Agent Connect", "Enables the Agent Connect Requests API and its status pages");

    private final String label;
    private final String description;

    FeatureFlag(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
