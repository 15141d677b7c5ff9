package io.syncwatch.imports.adapter.out.source.demo;

import java.util.Arrays;
import java.util.List;

/** How the demo source behaves, chosen per integration by its "scenario" credential. */
enum DemoScenario {
    HEALTHY("healthy"), QUIET("quiet"), RATE_LIMITED("rate-limited"), AUTH_FAILING("auth-failing"),
    PERMISSION_DENIED("permission-denied"), UNREACHABLE("unreachable"), MALFORMED("malformed");

    final String key;

    DemoScenario(String key) {
        this.key = key;
    }

    static DemoScenario of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equalsIgnoreCase(key.trim())).findFirst().orElse(HEALTHY);
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(s -> s.key).toList();
    }
}
