/** Vaadin views of the imports module. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.in.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
