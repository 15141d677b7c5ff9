/**
 * Health: keeps one up-to-date health record per integration from the integrations' and
 * imports' events, and shows it (Platforms tab, integration status area, states API). Publishes
 * {@link io.syncwatch.health.IntegrationStateChanged}, {@link io.syncwatch.health.CredentialsDeclaredInvalid}
 * and {@link io.syncwatch.health.QualityAssuranceTriggered} (the alerts module listens to them) with
 * the status model they carry ({@link io.syncwatch.health.DetailedState}, {@link io.syncwatch.health.SummaryStatus}).
 */
@ApplicationModule(displayName = "Health", allowedDependencies = { "platform", "platform::shell", "platform::scheduling", "integrations", "integrations::ui", "imports" })
@NullMarked
package io.syncwatch.health;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
