package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.platform.shell.DateTimes;

/**
 * An API Status tab's filters and what they say: error type, key kind, time range (a preset ending
 * when the rows were read, or a custom from/to in the viewer's zone, validated as a pair) and
 * search. They make the tab's {@link LogQuery}, its words ("in the last 7 days") and its export's
 * file name.
 */
class RequestLogFilters extends HorizontalLayout {

    static final String ANY = "";
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm");

    final Select<String> errorFilter = new Select<>();
    final Select<String> kindFilter = new Select<>();
    final Select<TimeRange> rangeFilter = new Select<>();
    final DateTimePicker rangeFrom = new DateTimePicker("From");
    final DateTimePicker rangeTo = new DateTimePicker("To");
    final TextField search = new TextField();
    private final LogTab tab;
    private final Clock clock;
    private final ViewerTime time;
    /** The end of a preset range: fixed when the rows were read (Refresh, Show, a filter change). */
    private Instant pinnedTo;

    RequestLogFilters(LogTab tab, Clock clock, ViewerTime time) {
        this.tab = tab;
        this.clock = clock;
        this.time = time;
        this.pinnedTo = clock.instant().plusSeconds(1);

        errorFilter.setLabel("Error type");
        errorFilter.setId("error-filter");
        List<String> codes = new ArrayList<>();
        codes.add(ANY);
        codes.addAll(ErrorDisplay.STORED_CODES);
        errorFilter.setItems(codes);
        errorFilter.setItemLabelGenerator(c -> c.isEmpty() ? "All errors" : ErrorDisplay.textOf(c));
        errorFilter.setValue(ANY);

        kindFilter.setLabel("Key kind");
        kindFilter.setId("kind-filter");
        kindFilter.setItems(ANY, KeyKind.TEST.name(), KeyKind.PRODUCTION.name());
        kindFilter.setItemLabelGenerator(k -> k.isEmpty() ? "Test and production" : KeyKind.valueOf(k).label());
        kindFilter.setValue(ANY);

        rangeFilter.setLabel("Time range");
        rangeFilter.setId("range-filter");
        rangeFilter.setItems(TimeRange.values());
        rangeFilter.setItemLabelGenerator(r -> r.label);
        rangeFilter.setValue(TimeRange.LAST_7_DAYS);
        for (DateTimePicker picker : List.of(rangeFrom, rangeTo)) {
            picker.setVisible(false);
            // the filters validate the pair themselves (from before to)
            picker.setManualValidation(true);
        }
        rangeFrom.setId("range-from");
        rangeTo.setId("range-to");
        rangeFrom.setHelperText("Time zone: UTC");

        search.setLabel("Search");
        search.setPlaceholder("Employee email or reference");
        search.setId("search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);

        // the Test Requests tab lists test-key requests only: a key-kind choice there would mislead
        kindFilter.setVisible(tab != LogTab.TEST);
        add(errorFilter, kindFilter, rangeFilter, rangeFrom, rangeTo, search);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        addClassName("sw-agentrequests-filters");
    }

    /** Runs {@code changed} after every change of a filter (a switch to the custom range first fills it in). */
    void onChange(Runnable changed) {
        errorFilter.addValueChangeListener(e -> changed.run());
        kindFilter.addValueChangeListener(e -> changed.run());
        rangeFilter.addValueChangeListener(e -> {
            rangeChanged(e.getOldValue());
            changed.run();
        });
        rangeFrom.addValueChangeListener(e -> changed.run());
        rangeTo.addValueChangeListener(e -> changed.run());
        search.addValueChangeListener(e -> changed.run());
    }

    /** Shows the custom range's dates in the viewer's locale and says its zone. */
    void localize(DateTimes times) {
        times.localize(rangeFrom);
        times.localize(rangeTo);
    }

    void zoneChanged() {
        localize(time.times());
        rangeFrom.setHelperText("Time zone: " + time.zone().getId());
    }

    /** The filters as a query; empty while the custom range is incomplete or not in order. */
    Optional<LogQuery> query() {
        TimeRange range = rangeFilter.getValue();
        Instant from;
        Instant to;
        if (range.length == null) {
            LocalDateTime start = rangeFrom.getValue();
            LocalDateTime end = rangeTo.getValue();
            if (start == null || end == null || !start.isBefore(end)) {
                return Optional.empty();
            }
            from = start.atZone(time.zone()).toInstant();
            to = end.atZone(time.zone()).toInstant();
            if (!from.isBefore(to)) { // a daylight-saving gap or overlap can fold the two together
                return Optional.empty();
            }
        } else {
            // the window ends when the rows were read: the grid's rows stay put while it scrolls; newer
            // requests wait in the "N new requests — Show" banner until the reader asks for them
            to = pinnedTo;
            from = to.minus(range.length);
        }
        String kind = kindFilter.getValue();
        return Optional.of(new LogQuery(tab, errorFilter.getValue(), kind == null || kind.isEmpty() ? null : KeyKind.valueOf(kind), from,
                to, search.getValue()));
    }

    /** A custom range is fixed: nothing arrives in it by itself. */
    boolean fixedRange() {
        return rangeFilter.getValue().length == null;
    }

    /** Ends a preset range's window now (the rows are being read). */
    void pin() {
        pinnedTo = clock.instant().plusSeconds(1);
    }

    /** Where a preset range's window ends until the next Refresh / Show / filter change. */
    Instant pinnedTo() {
        return pinnedTo;
    }

    /** Switching to the custom range starts it as the range shown before, so the grid does not jump. */
    private void rangeChanged(@Nullable TimeRange previous) {
        boolean custom = rangeFilter.getValue() == TimeRange.CUSTOM;
        rangeFrom.setVisible(custom);
        rangeTo.setVisible(custom);
        if (custom && rangeFrom.getValue() == null && rangeTo.getValue() == null) {
            LocalDateTime end = LocalDateTime.ofInstant(clock.instant(), time.zone()).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            var length = previous == null || previous.length == null ? TimeRange.LAST_7_DAYS.length : previous.length;
            rangeTo.setValue(end);
            rangeFrom.setValue(LocalDateTime.ofInstant(end.atZone(time.zone()).toInstant().minus(length), time.zone()));
        }
    }

    /** Marks the custom range's fields: both needed, from before to. */
    void validateRange() {
        rangeFrom.setInvalid(false);
        rangeTo.setInvalid(false);
        if (rangeFilter.getValue() != TimeRange.CUSTOM) {
            return;
        }
        if (rangeFrom.getValue() == null) {
            rangeFrom.setErrorMessage("Enter the start of the range.");
            rangeFrom.setInvalid(true);
        }
        if (rangeTo.getValue() == null) {
            rangeTo.setErrorMessage("Enter the end of the range.");
            rangeTo.setInvalid(true);
        }
        if (rangeFrom.getValue() != null && rangeTo.getValue() != null && query().isEmpty()) {
            rangeTo.setErrorMessage("“To” must be after “From”.");
            rangeTo.setInvalid(true);
        }
    }

    /** The export's file name: tab and range. */
    String fileName() {
        TimeRange range = rangeFilter.getValue();
        String name = tab.name().toLowerCase(Locale.ROOT) + "-requests-";
        if (range.length != null) {
            return name + range.slug + ".csv";
        }
        LocalDateTime start = rangeFrom.getValue();
        LocalDateTime end = rangeTo.getValue();
        return name + (start == null ? "" : FILE.format(start)) + "-to-" + (end == null ? "" : FILE.format(end)) + ".csv";
    }

    /**
     * What was looked for, so that an empty grid does not blame the wrong filter: "No invalid
     * requests with “Employee not found” from production keys matching “UIW-P-1” (employee
     * email or reference) in the last 7 days."
     */
    String emptyText(LogQuery q) {
        var text = new StringBuilder(tab == LogTab.INVALID ? "No invalid requests" : "No test requests");
        if (q.errorCode() != null) {
            text.append(" with “").append(ErrorDisplay.textOf(q.errorCode())).append('”');
        }
        if (tab == LogTab.INVALID && q.keyKind() != null) {
            text.append(" from ").append(q.keyKind().label().toLowerCase(Locale.ROOT)).append(" keys");
        }
        if (q.search() != null) {
            text.append(" matching “").append(q.search()).append("” (employee email or reference)");
        }
        text.append(' ').append(rangeText()).append('.');
        if (q.search() != null || q.errorCode() != null) {
            text.append(" Clear the search or filters, or choose a longer time range.");
        }
        return text.toString();
    }

    /** "in the last 7 days", "from 2026-11-01 10:00 to 2026-11-02 10:00 (Europe/Berlin)". */
    String rangeText() {
        TimeRange range = rangeFilter.getValue();
        if (range.length != null) {
            return "in the " + range.label.toLowerCase(Locale.ROOT);
        }
        DateTimes times = time.times();
        return "from " + times.absolute(rangeFrom.getValue().atZone(time.zone()).toInstant()) + " to "
                + times.absolute(rangeTo.getValue().atZone(time.zone()).toInstant()) + " (" + time.zone().getId() + ")";
    }
}
