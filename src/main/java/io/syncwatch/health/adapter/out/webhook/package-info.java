/** Sends signed webhook requests with the JDK HTTP client (timeouts on connect and read). */
@SecondaryAdapter
@NullMarked
package io.syncwatch.health.adapter.out.webhook;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
import org.jspecify.annotations.NullMarked;
