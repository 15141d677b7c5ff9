package io.syncwatch.agentrequests.domain;

import java.util.Optional;

/** Agent Connect API keys come in two kinds; the prefix of the clear key reveals which. */
public enum KeyKind {
    TEST("ac_test_", "Test"), PRODUCTION("ac_live_", "Production");

    private final String prefix;
    private final String label;

    KeyKind(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    public static Optional<KeyKind> ofKey(String clearKey) {
        for (KeyKind kind : values()) {
            if (clearKey.startsWith(kind.prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
