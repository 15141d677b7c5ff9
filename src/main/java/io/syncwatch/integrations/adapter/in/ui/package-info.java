/** The integration page and the "Connect integration" wizard. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.integrations.adapter.in.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
