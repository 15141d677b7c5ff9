/** What the integrations use cases need: storage of integrations and audit, credential encryption. */
@SecondaryPort
@NullMarked
package io.syncwatch.integrations.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
