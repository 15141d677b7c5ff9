/** The request log's daily retention purge, a recurring job of the kernel's scheduler. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.agentrequests.adapter.in.schedule;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
