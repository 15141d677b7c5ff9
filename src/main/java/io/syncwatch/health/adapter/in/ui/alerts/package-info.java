/** Vaadin views: webhook endpoints (account admin) and the weekly health digest. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.health.adapter.in.ui.alerts;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
