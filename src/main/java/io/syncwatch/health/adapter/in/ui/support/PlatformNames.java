package io.syncwatch.health.adapter.in.ui.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import io.syncwatch.integrations.SourcePlatformCatalog;

/** Display names of source platforms by key ("zendesk" → "Zendesk Support"), from the integrations module's catalogues. */
public final class PlatformNames {

    private final Map<String, String> names = new HashMap<>();

    public PlatformNames(ObjectProvider<SourcePlatformCatalog> catalogs) {
        catalogs.orderedStream().flatMap(c -> c.platforms().stream()).forEach(p -> names.putIfAbsent(p.key(), p.displayName()));
    }

    /** The platform's display name, or its key when no catalogue knows it. */
    public String of(String key) {
        return names.getOrDefault(key, key);
    }
}
