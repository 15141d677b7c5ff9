/** Vaadin views of the health module. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.health.adapter.in.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
