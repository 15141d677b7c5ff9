package io.syncwatch.platform.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.syncwatch.platform.application.port.in.FirstAdmin;
import io.syncwatch.platform.application.port.in.FirstAdmin.Outcome;

/** What an operator reads in the log at start-up, and what the {@code bootstrap-admin} command answers. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminAtStartupTest {

    final FirstAdmin firstAdmin = mock(FirstAdmin.class);

    @Test
    void anEmptyDatabaseWithoutTheVariablesGetsOneLineSayingHowToCreateTheFirstAdmin(CapturedOutput output) {
        when(firstAdmin.needed()).thenReturn(true);

        new FirstAdminAtStartup(firstAdmin, "", "").run(new DefaultApplicationArguments());

        assertThat(output.getOut().lines().filter(l -> l.contains("No user exists yet"))).hasSize(1);
        assertThat(output.getOut()).contains("SYNCWATCH_BOOTSTRAP_ADMIN_EMAIL", "bootstrap-admin --email");
        verify(firstAdmin, never()).bootstrap(anyString(), anyString());
    }

    @Test
    void aDatabaseWithUsersIsLeftAloneAndSaysNothingAboutIt(CapturedOutput output) {
        when(firstAdmin.needed()).thenReturn(false);

        new FirstAdminAtStartup(firstAdmin, "", "").run(new DefaultApplicationArguments());
        new FirstAdminAtStartup(firstAdmin, "ops@example.test", "Example").run(new DefaultApplicationArguments());

        assertThat(output.getOut()).doesNotContain("No user exists yet");
        verify(firstAdmin, never()).bootstrap(anyString(), anyString());
    }

    @Test
    void theCommandPrintsTheLinkAndExitsZeroOrOneWhenThereIsNothingToDo(CapturedOutput output) {
        var command = new BootstrapAdminCommand(firstAdmin);
        when(firstAdmin.bootstrap("ops@example.test", null)).thenReturn(
                new Outcome.Created("ops@example.test", "Syncwatch", "https://sw.example.test/set-password/abc", Instant.now()));

        command.run(new DefaultApplicationArguments("bootstrap-admin", "--email=ops@example.test"));

        assertThat(output.getOut()).contains("https://sw.example.test/set-password/abc");
        assertThat(command.getExitCode()).isZero();

        when(firstAdmin.bootstrap("ops@example.test", null)).thenReturn(new Outcome.NothingToDo("Users exist already"));
        command.run(new DefaultApplicationArguments("bootstrap-admin", "--email=ops@example.test"));
        assertThat(command.getExitCode()).isEqualTo(1);

        var withoutEmail = new BootstrapAdminCommand(firstAdmin);
        withoutEmail.run(new DefaultApplicationArguments("bootstrap-admin"));
        assertThat(withoutEmail.getExitCode()).isEqualTo(2);
        assertThat(output.getOut()).contains("Usage: java -jar syncwatch.jar bootstrap-admin --email=");
    }
}
