package io.syncwatch.agentrequests.adapter.in.ui;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.platform.AccountId;

/**
 * An API Status tab's strip of invalid requests counted by error type, for the tab's time range and
 * key kind; a badge filters the grid to its error type (click, or Enter/Space from the keyboard).
 */
class ErrorSummaryStrip extends HorizontalLayout {

    private final BrowseRequestLog log;
    private final AccountId account;
    private final Consumer<String> showOnly;

    /** {@code showOnly} receives the error code of a badge chosen. */
    ErrorSummaryStrip(BrowseRequestLog log, AccountId account, Consumer<String> showOnly) {
        this.log = log;
        this.account = account;
        this.showOnly = showOnly;
        addClassName("sw-agentrequests-summary");
        setId("error-summary");
        getStyle().set("flex-wrap", "wrap");
    }

    /** Says that the custom range cannot be read (nothing is counted). */
    void invalidRange() {
        removeAll();
        add(new Span(RequestLogPanel.INVALID_RANGE));
    }

    /** The counts of {@code q}'s invalid requests; {@code rangeText} words its range for "none". */
    void show(LogQuery q, String rangeText) {
        removeAll();
        Map<String, Long> counts = log.invalidCountsByError(account, q.from(), q.to(), q.keyKindOfTab());
        if (counts.isEmpty()) {
            add(new Span("No invalid requests " + rangeText + "."));
            return;
        }
        for (String code : ErrorDisplay.STORED_CODES) {
            Long n = counts.get(code);
            if (n != null) {
                add(badge(code, n));
            }
        }
    }

    private Span badge(String code, long n) {
        Span badge = new Span(ErrorDisplay.textOf(code) + ": " + n);
        badge.getElement().getThemeList().add("badge error");
        badge.getElement().setAttribute("data-code", code);
        badge.getElement().setAttribute("role", "button");
        badge.getElement().setAttribute("tabindex", "0");
        badge.getElement().setAttribute("title", "Show only requests with " + ErrorDisplay.textOf(code));
        badge.getStyle().set("cursor", "pointer");
        badge.addClickListener(e -> showOnly.accept(code));
        badge.getElement().addEventListener("keydown", e -> showOnly.accept(code))
                .setFilter("event.key === 'Enter' || event.key === ' '");
        return badge;
    }
}
