/** What the integrations module offers its UI, REST and scheduling adapters. */
@PrimaryPort
@NullMarked
package io.syncwatch.integrations.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
