package io.syncwatch.agentrequests.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmployeeCsvTest {

    @Test
    void quotedCellsMayHoldCommasAndQuotes() {
        assertThat(CompanyAdministration.cells("a@x.io,\"Smith, Ann \"\"Jr\"\"\",true,false,yes"))
                .containsExactly("a@x.io", "Smith, Ann \"Jr\"", "true", "false", "yes");
        assertThat(CompanyAdministration.cells("a,,")).containsExactly("a", "", "");
    }
}
