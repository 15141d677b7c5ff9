/** Vaadin views: webhook endpoints (account admin) and the weekly health digest. */
@PrimaryAdapter
@NullMarked
package io.syncwatch.alerts.adapter.in.ui;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
import org.jspecify.annotations.NullMarked;
