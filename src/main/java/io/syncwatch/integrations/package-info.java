/**
 * Integrations: which source platform an account connected, with which (encrypted)
 * credentials, schedule and filters, and its lifecycle. The root package is the published API:
 * past-tense events carrying an {@link io.syncwatch.integrations.IntegrationSnapshot}, the
 * {@link io.syncwatch.integrations.IntegrationOperations} and
 * {@link io.syncwatch.integrations.IntegrationCredentials} facades, and the ports other modules
 * implement for it ({@link io.syncwatch.integrations.SourcePlatformCatalog},
 * {@link io.syncwatch.integrations.IntegrationPageSection}).
 */
@ApplicationModule(displayName = "Integrations", allowedDependencies = { "platform", "platform::shell", "platform::scheduling" })
@NullMarked
package io.syncwatch.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
