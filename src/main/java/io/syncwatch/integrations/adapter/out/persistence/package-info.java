/** Storage of integrations and their audit trail (JDBC, tables {@code integration*}). */
@SecondaryAdapter
@NullMarked
package io.syncwatch.integrations.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
