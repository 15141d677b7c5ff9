/** Health alerts as plain Java: webhook payloads, URL rules, retry policy, mail throttling, digest rules. */
@NullMarked
package io.syncwatch.alerts.domain;

import org.jspecify.annotations.NullMarked;
