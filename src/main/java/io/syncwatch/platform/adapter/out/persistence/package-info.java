/** Spring Data JDBC storage of accounts, users and API keys. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
