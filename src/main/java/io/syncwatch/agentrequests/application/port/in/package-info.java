/** What the agentrequests adapters call: receiving requests, browsing the log, managing the company. */
@PrimaryPort
@NullMarked
package io.syncwatch.agentrequests.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
