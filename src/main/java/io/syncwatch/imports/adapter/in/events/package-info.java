/** Listeners to other modules' events. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
