package io.syncwatch.agentrequests.adapter.in.ui;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.agentrequests.application.port.in.CompanyRefusal;
import io.syncwatch.agentrequests.application.port.in.CompanyRefusal.InvalidCompanyInput;
import io.syncwatch.platform.shell.Forms;

/**
 * A change on Company Info saved: "Saved", or the use case's refusal on the form field it names (or
 * in a notification) with the typed value kept; then the sections read the settings again.
 */
final class CompanySaves {

    private final Runnable reread;

    CompanySaves(Runnable reread) {
        this.reread = reread;
    }

    /** A change from a grid's checkbox or select: a refusal is said in a notification. */
    void save(Runnable action) {
        save(action, null);
    }

    /** Saves; a refusal is shown on the form's field it names (or in a notification), the typed value stays. */
    void save(Runnable action, @Nullable Binder<?> form) {
        try {
            action.run();
            Notification.show("Saved");
        } catch (CompanyRefusal e) {
            var unplaced = form != null && e instanceof InvalidCompanyInput invalid
                    ? Forms.showRefusal(form, invalid.problems()) : Map.of("", e.getMessage());
            unplaced.values().forEach(Notification::show);
        }
        reread.run();
    }
}
