/** Demo data for the default run (profile {@code demo}): accounts, users and API keys. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.platform.adapter.in.demo;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
