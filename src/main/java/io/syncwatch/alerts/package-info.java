/**
 * Alerts: webhooks, alert mails (owners, hourly throttle, held-alert summaries) and the weekly
 * health digest. Driven only by events: health's {@link io.syncwatch.health.IntegrationStateChanged},
 * {@link io.syncwatch.health.CredentialsDeclaredInvalid} and
 * {@link io.syncwatch.health.QualityAssuranceTriggered}, and imports'
 * {@link io.syncwatch.imports.ImportRunFinished}; it keeps its own tables (the digest reads its own
 * projections) and publishes nothing other modules use: its pages are reached by route.
 */
@ApplicationModule(displayName = "Alerts", allowedDependencies = { "platform", "platform::shell", "platform::scheduling", "integrations", "imports", "health" })
@NullMarked
package io.syncwatch.alerts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
