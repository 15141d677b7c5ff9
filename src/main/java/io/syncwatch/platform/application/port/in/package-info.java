/** What the platform offers to its adapters: account, user and API key use cases. */
@PrimaryPort
@NullMarked
package io.syncwatch.platform.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
