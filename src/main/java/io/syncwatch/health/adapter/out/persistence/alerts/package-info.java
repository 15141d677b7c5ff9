/** JDBC storage of webhook endpoints, deliveries (outbox), alert routing and digest projections. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.health.adapter.out.persistence.alerts;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
