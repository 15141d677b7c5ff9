/** Source-platform connectors, one sub-package per platform. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.source;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
