/** What the health module needs: storage of health records and notifications. */
@SecondaryPort
@NullMarked
package io.syncwatch.health.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
