package io.syncwatch.imports.domain;

import java.time.LocalDate;

/** Records imported (new) and refreshed on one day (UTC). */
public record DailyImports(LocalDate day, long imported, long updated) {
}
