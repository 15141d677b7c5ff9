/** Demo data of the imports module (demo profile only). */
@PrimaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.in.demo;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
