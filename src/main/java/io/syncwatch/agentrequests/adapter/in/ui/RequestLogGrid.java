package io.syncwatch.agentrequests.adapter.in.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;

import io.syncwatch.agentrequests.application.port.in.BrowseRequestLog;
import io.syncwatch.agentrequests.domain.ErrorDisplay;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LogQuery;
import io.syncwatch.agentrequests.domain.LogTab;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.platform.AccountId;

/**
 * An API Status tab's requests, read lazily page by page for the tab's query: a table, or below
 * 600 px one column of cards; choosing a row opens its detail page.
 */
class RequestLogGrid extends Grid<LoggedRequest> {

    private final Clock clock;
    private final ViewerTime time;
    private final Grid.Column<LoggedRequest> timeColumn;
    private final Grid.Column<LoggedRequest> cards;

    RequestLogGrid(BrowseRequestLog log, AccountId account, LogTab tab, Clock clock, ViewerTime time,
            Supplier<Optional<LogQuery>> query) {
        this.clock = clock;
        this.time = time;
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setId("request-grid");
        timeColumn = addColumn(r -> time.times().format(r.createdAt(), clock.instant())).setHeader(timeHeader())
                .setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(RequestLogGrid::keyCell).setHeader("Key").setAutoWidth(true);
        if (tab == LogTab.TEST) {
            addColumn(r -> r.failed() ? "Invalid" : "Accepted").setHeader("Outcome").setAutoWidth(true);
        }
        addColumn(RequestLogGrid::primaryError).setHeader("Error").setAutoWidth(true);
        addColumn(r -> nz(r.request().employeeEmail())).setHeader("Employee email").setAutoWidth(true);
        addColumn(r -> nz(r.request().customerName()) + (r.request().customerEmail() == null ? "" : " <" + r.request().customerEmail() + ">"))
                .setHeader("Customer").setAutoWidth(true);
        addColumn(r -> nz(r.request().channel())).setHeader("Channel").setAutoWidth(true);
        addColumn(r -> nz(r.request().brand())).setHeader("Brand").setAutoWidth(true);
        addColumn(r -> nz(r.request().language())).setHeader("Language").setAutoWidth(true);
        addColumn(r -> nz(r.request().reference())).setHeader("Reference").setAutoWidth(true);
        // below 600 px one column of cards replaces the table: time, key, error and who, nothing off-screen
        cards = addComponentColumn(this::card).setHeader("Requests");
        cards.setVisible(false);
        setItems(q -> {
            int offset = q.getOffset();
            int limit = q.getLimit(); // read even for no rows: the grid insists
            Optional<LogQuery> current = query.get();
            return current.isEmpty() ? Stream.empty() : log.page(account, current.get(), offset, limit).stream();
        });
        addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(
                r -> UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("requestId", r.requestId()))));
    }

    /** Cards on a narrow screen, the table otherwise. */
    void narrow(boolean narrow) {
        getColumns().forEach(c -> c.setVisible(c == cards ? narrow : !narrow));
    }

    /** The viewer's zone changed: the time column says which zone its times are in. */
    void zoneChanged() {
        timeColumn.setHeader(timeHeader());
    }

    private String timeHeader() {
        return "Time (" + time.times().zoneLabel() + ")";
    }

    static String primaryError(LoggedRequest r) {
        List<String> codes = r.errorCodes();
        if (codes.isEmpty()) {
            return "";
        }
        return ErrorDisplay.textOf(codes.getFirst()) + (codes.size() > 1 ? " +" + (codes.size() - 1) + " more" : "");
    }

    /** One request as a card (narrow screens): the error in full first, then when, which key, who and the reference. */
    private Component card(LoggedRequest r) {
        var card = new Card();
        card.addClassName("sw-request-card");
        String errors = r.errorCodes().stream().map(ErrorDisplay::textOf).reduce((a, b) -> a + "; " + b)
                .orElse(r.failed() ? "Invalid" : "Accepted");
        card.setTitle(new Span(errors));
        card.setSubtitle(time.times().format(r.createdAt(), clock.instant()) + " · " + r.keyName() + " (" + r.keyKind().label() + ")");
        var who = new Div();
        who.setText("Employee: " + (r.request().employeeEmail() == null ? "—" : r.request().employeeEmail()) + " · Reference: "
                + (r.request().reference() == null ? "—" : r.request().reference()));
        who.addClassName("sw-request-card-who");
        card.add(who);
        return card;
    }

    private static Component keyCell(LoggedRequest r) {
        Span badge = new Span(r.keyKind().label());
        badge.getElement().getThemeList().add(r.keyKind() == KeyKind.TEST ? "badge contrast small" : "badge success small");
        return new Div(new Span(r.keyName() + " "), badge);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
