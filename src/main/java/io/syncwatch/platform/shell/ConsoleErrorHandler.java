package io.syncwatch.platform.shell;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * The console's last line of defence: an error no screen handled is logged with a short reference
 * and the stack trace, and the user sees a notification with the same reference (never the stack
 * trace), so that support can find the log line the user quotes.
 */
public final class ConsoleErrorHandler implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrorHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void error(ErrorEvent event) {
        String reference = newReference();
        LOG.error("Unexpected error in the console, reference {}", reference, event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> show(reference));
        }
    }

    /** "ERR-3F9A2C1B": short enough to read out on the phone. */
    static String newReference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "ERR-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static Notification show(String reference) {
        var notification = new Notification();
        notification.setId("error-notification");
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.setDuration(0);
        notification.setText(message(reference));
        notification.getElement().setAttribute("data-reference", reference);
        notification.getElement().setAttribute("role", "alert");
        notification.open();
        // closes on a click anywhere in it (no stray close button to tab to)
        notification.getElement().addEventListener("click", e -> notification.close());
        return notification;
    }

    static String message(String reference) {
        return "Something went wrong and your last action may not have been completed. Try again; if it happens again, "
                + "contact support and quote reference " + reference + ". (Click to close.)";
    }
}
