package io.syncwatch.agentrequests.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.select.Select;

import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.RequestErrorCode;

/** The API Status page's custom time range: read in the viewer's zone, validated, the same for grid, summary and export. */
class ApiStatusCustomRangeTest extends AgentConnectScreenTestSupport {

    @Test
    void aCustomRangeIsReadInTheViewersZoneAndNarrowsGridSummaryAndExport() {
        signIn();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant tenDaysAgo = now.minus(Duration.ofDays(10));
        log("TEN-DAYS", tenDaysAgo, KeyKind.TEST, RequestErrorCode.BRAND_NOT_PROVIDED);
        log("RECENT", now.minus(Duration.ofHours(1)), KeyKind.TEST, RequestErrorCode.EMPLOYEE_NOT_FOUND);
        navigate(InvalidRequestsView.class, java.util.Map.of());
        RequestLogPanel panel = $(RequestLogPanel.class).single();
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // UTC+05:30: a range read as UTC would miss the row
        panel.useZone(kolkata);
        assertThat(references()).containsExactly("RECENT");
        assertThat(panel.filters.rangeFrom.isVisible()).isFalse();

        test($(Select.class).id("range-filter")).selectItem("Custom range");
        // the pickers appear, starting as the range shown before (last 7 days up to now)
        assertThat(panel.filters.rangeFrom.isVisible()).isTrue();
        assertThat(panel.filters.rangeTo.getValue()).isAfter(LocalDateTime.ofInstant(now, kolkata));
        assertThat(panel.filters.rangeFrom.getValue()).isBefore(LocalDateTime.ofInstant(now.minus(Duration.ofDays(6)), kolkata));
        assertThat(references()).containsExactly("RECENT");

        LocalDateTime local = LocalDateTime.ofInstant(tenDaysAgo, kolkata);
        panel.filters.rangeFrom.setValue(local.minusMinutes(10));
        panel.filters.rangeTo.setValue(local.plusMinutes(10));
        assertThat(references()).containsExactly("TEN-DAYS");
        assertThat(summary()).containsExactly("Brand signifier not provided: 1");
        assertThat(panel.filters.rangeTo.isInvalid()).isFalse();
        assertThat(panel.export.anchor.isEnabled()).isTrue();
        assertThat(RequestLogRows.csvReferences(RequestLogRows.csv(panel))).containsExactly("TEN-DAYS");
        assertThat(panel.filters.fileName()).isEqualTo("invalid-requests-" + local.minusMinutes(10).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")) + "-to-"
                + local.plusMinutes(10).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm")) + ".csv");

        // an empty custom range says so with its dates and zone
        panel.filters.rangeFrom.setValue(local.plusMinutes(20));
        panel.filters.rangeTo.setValue(local.plusMinutes(30));
        assertThat(references()).isEmpty();
        assertThat(summary()).singleElement().asString().startsWith("No invalid requests from ").endsWith("(Asia/Kolkata).");
    }

    @Test
    void aCustomRangeEndingBeforeItStartsIsMarkedAndNothingIsShownOrExported() {
        signIn();
        log("RECENT", Instant.now().minus(Duration.ofHours(1)), KeyKind.TEST, RequestErrorCode.EMPLOYEE_NOT_FOUND);
        navigate(InvalidRequestsView.class, java.util.Map.of());
        RequestLogPanel panel = $(RequestLogPanel.class).single();
        test($(Select.class).id("range-filter")).selectItem("Custom range");
        LocalDateTime from = panel.filters.rangeFrom.getValue();
        panel.filters.rangeTo.setValue(from.minusHours(1));

        assertThat(panel.filters.rangeTo.isInvalid()).isTrue();
        assertThat(panel.filters.rangeTo.getErrorMessage()).isEqualTo("“To” must be after “From”.");
        assertThat(references()).isEmpty();
        assertThat(summary()).containsExactly(RequestLogPanel.INVALID_RANGE);
        assertThat(panel.export.anchor.isEnabled()).isFalse();

        panel.filters.rangeTo.clear();
        assertThat(panel.filters.rangeTo.getErrorMessage()).isEqualTo("Enter the end of the range.");
        assertThat(panel.filters.rangeTo.isInvalid()).isTrue();

        // back to a preset: valid again, pickers hidden
        test($(Select.class).id("range-filter")).selectItem("Last 24 hours");
        assertThat(panel.filters.rangeTo.isInvalid()).isFalse();
        assertThat(panel.filters.rangeFrom.isVisible()).isFalse();
        assertThat(references()).containsExactly("RECENT");
        assertThat(panel.export.anchor.isEnabled()).isTrue();
    }
}
