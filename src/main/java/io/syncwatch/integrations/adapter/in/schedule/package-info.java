/** Time-driven use cases: the development-inactivity check. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.integrations.adapter.in.schedule;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
