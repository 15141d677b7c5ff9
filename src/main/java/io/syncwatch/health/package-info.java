/**
 * Health: keeps one up-to-date health record per integration from the integrations' and
 * imports' events, and shows it (Platforms tab, integration status area, states API, alerts).
 */
@ApplicationModule(displayName = "Health", allowedDependencies = { "platform", "platform::shell", "platform::scheduling", "integrations", "integrations::ui", "imports" })
@NullMarked
package io.syncwatch.health;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
