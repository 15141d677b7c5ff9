/** Operator set-up without SQL: the first admin at start-up and the {@code bootstrap-admin} command. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.in.cli;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
