/** JDBC storage of the imports module (multi-row statements on the hot path). */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
