/**
 * Imports: pulls conversations ("contacts") from source platforms on each integration's
 * schedule, de-duplicates them by source reference and reports every run as events. Owns the
 * connector SPI and the connectors, and implements the integrations module's
 * {@code SourcePlatformCatalog}.
 */
@ApplicationModule(displayName = "Imports", allowedDependencies = { "platform", "platform::shell", "platform::database", "platform::demo", "integrations", "integrations::ui" })
@NullMarked
package io.syncwatch.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
