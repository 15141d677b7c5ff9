/** The Demo platform: a deterministic, seedable source that can act healthy, quiet or failing. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.source.demo;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
