/** Demo data for the default run (profile {@code demo}): Acme's Agent Connect company, keys and logged requests. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.agentrequests.adapter.in.demo;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
