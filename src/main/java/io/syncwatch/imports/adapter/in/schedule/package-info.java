/** The persistent, cluster-safe schedule of imports (db-scheduler). */
@PrimaryAdapter
@NullMarked
package io.syncwatch.imports.adapter.in.schedule;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
