/** Health alerts use cases: webhook endpoints and deliveries, e-mail alerts, the weekly digest. */
@NullMarked
package io.syncwatch.alerts.application;

import org.jspecify.annotations.NullMarked;
