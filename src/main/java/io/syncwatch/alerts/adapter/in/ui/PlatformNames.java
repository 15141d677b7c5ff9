package io.syncwatch.alerts.adapter.in.ui;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import io.syncwatch.integrations.SourcePlatformCatalog;

/** Display names of source platforms by key ("zendesk" → "Zendesk Support"), from the integrations module's catalogues. */
final class PlatformNames {

    private final Map<String, String> names = new HashMap<>();

    PlatformNames(ObjectProvider<SourcePlatformCatalog> catalogs) {
        catalogs.orderedStream().flatMap(c -> c.platforms().stream()).forEach(p -> names.putIfAbsent(p.key(), p.displayName()));
    }

    /** The platform's display name, or its key when no catalogue knows it. */
    String of(String key) {
        return names.getOrDefault(key, key);
    }
}
