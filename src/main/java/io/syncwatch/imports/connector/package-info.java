/**
 * The connector kit: what every HTTP source-platform connector is built on, published as the
 * named interface {@code imports::connector}.
 * <ul>
 * <li>{@link io.syncwatch.imports.connector.HttpSourceConnector}: the base class. It builds the
 * HTTP client from the application's {@code RestClient.Builder} (JDK client, connect and read
 * timeouts, redirects off), retries transient failures with back-off through Spring Framework's
 * {@code RetryTemplate} (honouring a {@code Retry-After} on a 5xx answer), and classifies every
 * failure in one place: 401 authentication, 403 permission, 429 rate limited (with the platform's
 * retry-after), 5xx and transport failures source unreachable, other answers invalid data.</li>
 * <li>{@link io.syncwatch.imports.connector.HttpSourceSettings}: the settings under
 * {@code syncwatch.connectors.<platform>.*}, with their defaults in one place.</li>
 * </ul>
 * Connectors live in {@code adapter.out.source.<platform>} and extend the base class; the
 * recipe is {@code architecture/connectors.md}, and the contract test every connector passes is
 * {@code ConnectorContractTest} (test sources, same package).
 */
@NamedInterface("connector")
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.connector;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
