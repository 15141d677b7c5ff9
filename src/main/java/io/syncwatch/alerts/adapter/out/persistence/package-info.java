/**
 * Storage of webhook endpoints (a Spring Data JDBC aggregate), deliveries (the outbox), alert
 * routing and digest projections (hand-written SQL, each adapter saying why).
 */
@SecondaryAdapter
@NullMarked
package io.syncwatch.alerts.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
