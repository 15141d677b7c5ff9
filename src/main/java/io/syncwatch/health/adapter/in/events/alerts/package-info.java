/** Listeners and schedules driving health alerts. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.health.adapter.in.events.alerts;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
