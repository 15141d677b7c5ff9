package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code java -jar syncwatch.jar bootstrap-admin --email x}: run with no schedules, on a random port. */
class OperatorCommandTest {

    @Test
    void aCommandRunsWithoutSchedulesOnARandomPortAndReadsOptionsWrittenWithASpace() {
        var command = OperatorCommand.of(new String[] { "bootstrap-admin", "--email", "ops@example.test", "--account=Example Ltd" });

        assertThat(command.given()).isTrue();
        assertThat(command.arguments()).contains("bootstrap-admin", "--email=ops@example.test", "--account=Example Ltd",
                "--syncwatch.scheduling.enabled=false", "--server.port=0");
    }

    @Test
    void aNormalStartIsLeftAsItIs() {
        String[] args = { "--server.port=9000" };
        var command = OperatorCommand.of(args);

        assertThat(command.given()).isFalse();
        assertThat(command.arguments()).containsExactly("--server.port=9000");
    }
}
