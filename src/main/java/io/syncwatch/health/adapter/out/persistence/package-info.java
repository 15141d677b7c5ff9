/** JDBC storage of health records (one row per integration) and internal notifications. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.health.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
