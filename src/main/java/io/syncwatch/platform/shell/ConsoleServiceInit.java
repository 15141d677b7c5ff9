package io.syncwatch.platform.shell;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Sets up every session and UI of the console: the global {@link ConsoleErrorHandler}, and the
 * UI's locale from the browser's preferred language (without an I18NProvider Vaadin would use the
 * server's), which {@link DateTimes} and the date pickers use.
 */
@Component
class ConsoleServiceInit implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new ConsoleErrorHandler()));
        event.getSource().addUIInitListener(e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            Locale locale = request == null ? null : request.getLocale();
            if (locale != null && !locale.getLanguage().isEmpty()) {
                e.getUI().setLocale(locale);
            }
        });
    }
}
