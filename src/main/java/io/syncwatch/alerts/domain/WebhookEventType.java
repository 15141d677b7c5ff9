package io.syncwatch.alerts.domain;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can subscribe to (and the test event, sent on demand only). */
public enum WebhookEventType {
    STATE_CHANGED("integration.state_changed", "State changed"),
    RUN_FAILED("import.run_failed", "Run failed"),
    CREDENTIALS_INVALID("integration.credentials_invalid", "Credentials invalid"),
    QUALITY_ASSURANCE("integration.quality_assurance", "Quality assurance"),
    DIGEST_READY("digest.ready", "Digest ready"),
    TEST("webhook.test", "Test event");

    private final String wireName;
    private final String label;

    WebhookEventType(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public boolean subscribable() {
        return this != TEST;
    }

    public static Optional<WebhookEventType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
