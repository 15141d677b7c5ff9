/** What the agentrequests use cases need: storage of company settings, keys and the request log. */
@SecondaryPort
@NullMarked
package io.syncwatch.agentrequests.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
