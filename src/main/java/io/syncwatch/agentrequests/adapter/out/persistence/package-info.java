/** JDBC storage of company settings, Agent Connect keys and the request log. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.agentrequests.adapter.out.persistence;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
