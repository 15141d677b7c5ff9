/** What the alerts UI, listeners and schedules call. */
@PrimaryPort
@NullMarked
package io.syncwatch.health.application.port.in.alerts;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
