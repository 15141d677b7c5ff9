package io.syncwatch.platform.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * An error no screen handled: the user sees a notification with a reference (no stack trace), and
 * the same reference is in the log line that carries the exception.
 */
@com.vaadin.browserless.ViewPackages(packages = "io.syncwatch.platform.shell.noviews") // no routes: the handler alone
class ConsoleErrorHandlerTest extends BrowserlessTest {

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(ConsoleErrorHandler.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void anUnexpectedErrorShowsAReferenceThatIsAlsoLogged() {
        new ConsoleErrorHandler().error(new ErrorEvent(new IllegalStateException("database said no: secret=hunter2")));
        roundTrip();

        Notification shown = $(Notification.class).single();
        String reference = shown.getElement().getAttribute("data-reference");
        assertThat(reference).matches("ERR-[0-9A-F]{8}");
        String text = test(shown).getText();
        assertThat(text).contains("Something went wrong", "quote reference " + reference)
                .doesNotContain("IllegalStateException", "secret", "database said no");

        List<ILoggingEvent> errors = logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR).toList();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains(reference);
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void everyErrorGetsItsOwnReference() {
        assertThat(ConsoleErrorHandler.newReference()).isNotEqualTo(ConsoleErrorHandler.newReference());
    }
}
