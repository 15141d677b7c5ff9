/** Listeners of the integrations' and imports' events. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.health.adapter.in.events;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
