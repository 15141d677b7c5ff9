package io.syncwatch.integrations;

/** What a filter condition tests on a conversation. */
public enum FilterField {
    CHANNEL("Channel"), AGENT("Agent"), STATUS("Status"), TAG("Tag"), CUSTOM_FIELD("Custom field");

    private final String label;

    FilterField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
