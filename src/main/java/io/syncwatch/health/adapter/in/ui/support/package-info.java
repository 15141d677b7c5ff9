/** Helpers shared by the health module's views (no view depends on another through them). */
@PrimaryAdapter
@NullMarked
package io.syncwatch.health.adapter.in.ui.support;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
