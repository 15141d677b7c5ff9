package io.syncwatch.agentrequests.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;

import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.RequestErrorCode;

/** The API Status page's CSV export: every filtered row, streamed in keyset chunks. */
class ApiStatusExportTest extends AgentConnectScreenTestSupport {

    @Test
    void theExportStreamsEveryFilteredRowInOrderAcrossManyReadChunks() throws IOException {
        signIn();
        Instant base = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        // 11 matching rows; rows 3-5 and 8-9 share a time, so chunks also break between equal times
        List<String> expected = new ArrayList<>();
        int[] secondsAfterBase = { 0, 10, 20, 30, 30, 30, 40, 50, 60, 60, 70 };
        for (int i = 0; i < secondsAfterBase.length; i++) {
            String ref = "EXP-%02d".formatted(i);
            log(ref, base.plusSeconds(secondsAfterBase[i]), KeyKind.TEST, RequestErrorCode.EMPLOYEE_NOT_FOUND);
            expected.addFirst(ref); // newest first; at equal times the later-logged row first
        }
        log("EXP-LIVE", base.plusSeconds(35), KeyKind.PRODUCTION, RequestErrorCode.EMPLOYEE_NOT_FOUND); // other key kind
        log("EXP-OLD", base.minus(Duration.ofDays(6)), KeyKind.TEST, RequestErrorCode.EMPLOYEE_NOT_FOUND); // out of range
        log("EXP-BRAND", base.plusSeconds(45), KeyKind.TEST, RequestErrorCode.BRAND_NOT_PROVIDED); // other error
        log("OTHER", base.plusSeconds(45), KeyKind.TEST, RequestErrorCode.EMPLOYEE_NOT_FOUND); // no search match

        navigate(InvalidRequestsView.class, java.util.Map.of());
        RequestLogPanel panel = $(RequestLogPanel.class).single();
        panel.export.chunkRows = 3;
        test($(Select.class).id("kind-filter")).selectItem("Test");
        test($(TextField.class).id("search")).setValue("exp-");
        test($(Select.class).id("error-filter")).selectItem("Employee not found"); // read through the error index

        String csv = RequestLogRows.csv(panel);
        assertThat(csv.lines().findFirst()).hasValue(RequestLogCsv.HEADER);
        assertThat(RequestLogRows.csvReferences(csv)).containsExactlyElementsOf(expected);

        test($(Select.class).id("error-filter")).selectItem("All errors"); // read through the tab index
        List<String> withBrand = new ArrayList<>(expected);
        withBrand.add(withBrand.indexOf("EXP-06"), "EXP-BRAND");
        assertThat(RequestLogRows.csvReferences(RequestLogRows.csv(panel))).containsExactlyElementsOf(withBrand);

        // the download itself: named after tab and range, the same rows as the grid shows
        var body = new ByteArrayOutputStream();
        VaadinResponse response = Mockito.mock(VaadinResponse.class);
        Mockito.when(response.getOutputStream()).thenReturn(body);
        var event = new DownloadEvent(Mockito.mock(VaadinRequest.class), response, VaadinSession.getCurrent(), panel.export.anchor.getElement());
        panel.export.downloadHandler().handleDownloadRequest(event);
        Mockito.verify(response).setHeader(Mockito.eq("Content-Disposition"), Mockito.contains("invalid-requests-last-7-days.csv"));
        assertThat(RequestLogRows.csvReferences(body.toString(StandardCharsets.UTF_8))).containsExactlyElementsOf(withBrand).isEqualTo(references());
    }
}
