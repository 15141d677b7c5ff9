/** What the imports module's UI, listeners and scheduler call: its use cases. */
@PrimaryPort
@NullMarked
package io.syncwatch.imports.application.port.in;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
import org.jspecify.annotations.NullMarked;
