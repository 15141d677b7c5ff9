/** JDBC storage of webhook endpoints, deliveries (outbox), alert routing and digest projections. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.alerts.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
