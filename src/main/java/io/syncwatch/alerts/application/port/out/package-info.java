/** What the alerts use cases need: storage, HTTP delivery, mail. */
@SecondaryPort
@NullMarked
package io.syncwatch.alerts.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
