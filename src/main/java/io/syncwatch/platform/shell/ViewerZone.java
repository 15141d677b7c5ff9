package io.syncwatch.platform.shell;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.UI;

/**
 * The viewer's time zone as the browser reported it (Vaadin caches the client's details for the
 * UI's lifetime); UTC until it has, or if it names a zone this JVM does not know. Every module's
 * screens that show times in the viewer's zone use this one.
 */
public final class ViewerZone {

    private ViewerZone() {
    }

    public static ZoneId of(@Nullable UI ui) {
        var details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                LoggerFactory.getLogger(ViewerZone.class).debug("Unknown browser time zone {}: using UTC", id, e);
            }
        }
        return ZoneOffset.UTC;
    }
}
