package io.syncwatch.imports.domain;

import java.time.Instant;

/** One line of a run's log (INFO, WARN, ERROR). */
public record RunLogLine(Instant at, String level, String message) {
}
