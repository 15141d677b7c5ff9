/** What the platform's use cases need from the outside: storage of accounts, users and keys. */
@SecondaryPort
@NullMarked
package io.syncwatch.platform.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
