/** What the alerts UI, listeners and schedules call. */
@PrimaryPort
@NullMarked
package io.syncwatch.alerts.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
