/** Vaadin views of the agentrequests module. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.agentrequests.adapter.in.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
