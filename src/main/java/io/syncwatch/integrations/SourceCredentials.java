package io.syncwatch.integrations;

import java.util.Map;
import java.util.TreeMap;

/**
 * Decrypted credential values of one integration, keyed by the platform's credential field
 * keys. Exists only in memory for a connection test or a run; {@link #toString()} masks them.
 */
public record SourceCredentials(Map<String, String> values) {

    public SourceCredentials {
        values = Map.copyOf(values);
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    @Override
    public String toString() {
        var masked = new TreeMap<String, String>();
        values.keySet().forEach(k -> masked.put(k, "****"));
        return "SourceCredentials" + masked;
    }
}
