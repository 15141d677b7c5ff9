/**
 * What the imports use cases need from the outside: the connector SPI
 * ({@link io.syncwatch.imports.application.port.out.SourcePlatformConnector}), implemented once
 * per source platform in {@code adapter.out.source.<platform>}, and storage.
 */
@SecondaryPort
@NullMarked
package io.syncwatch.imports.application.port.out;

import org.jmolecules.architecture.hexagonal.SecondaryPort;
import org.jspecify.annotations.NullMarked;
