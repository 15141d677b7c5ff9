/** Time-driven use cases of the kernel: sign-in housekeeping. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.in.schedule;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
