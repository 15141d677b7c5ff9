/**
 * Integrations: which source platform an account connected, with which (encrypted)
 * credentials, schedule and filters, and its lifecycle. The root package is the published API, data
 * only (no Vaadin, no JDBC): past-tense events carrying an
 * {@link io.syncwatch.integrations.IntegrationSnapshot}, the
 * {@link io.syncwatch.integrations.IntegrationOperations} and
 * {@link io.syncwatch.integrations.IntegrationCredentials} facades, and the port other modules
 * implement for it ({@link io.syncwatch.integrations.SourcePlatformCatalog}). The screens other
 * modules embed or contribute to (the filters editor, the integration page's sections) are the
 * {@code ui} named interface ({@link io.syncwatch.integrations.ui}).
 */
@ApplicationModule(displayName = "Integrations", allowedDependencies = { "platform", "platform::shell", "platform::scheduling" })
@NullMarked
package io.syncwatch.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
