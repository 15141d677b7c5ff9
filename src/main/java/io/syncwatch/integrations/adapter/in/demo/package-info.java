/** Demo integrations for the default run (profile {@code demo}). */
@PrimaryAdapter
@NullMarked
package io.syncwatch.integrations.adapter.in.demo;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
