/** Listeners and schedules driving health alerts. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.alerts.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
