/** Sends signed webhook requests with Apache HttpClient 5, connecting only to addresses the URL policy checked. */
@SecondaryAdapter
@NullMarked
package io.syncwatch.alerts.adapter.out.webhook;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
