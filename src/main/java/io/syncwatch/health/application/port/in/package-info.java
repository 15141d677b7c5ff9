/** What the health module's adapters (views, REST, listeners) call. */
@PrimaryPort
@NullMarked
package io.syncwatch.health.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
