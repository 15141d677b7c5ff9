package io.syncwatch.agentrequests.application.port.in;

import java.util.List;

/** Result of a CSV import: rows imported and, per rejected row, its line number and reason. */
public record EmployeeImportReport(int imported, List<RowError> errors) {

    public EmployeeImportReport {
        errors = List.copyOf(errors);
    }

    public record RowError(int line, String reason) {
    }
}
