/** The imports' executions on the kernel's scheduler (db-scheduler), as the application layer sees them. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.out.schedule;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
