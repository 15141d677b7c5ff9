package io.syncwatch.health.adapter.in.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.syncwatch.health.application.port.in.BulkActions;
import io.syncwatch.health.application.port.in.HealthQueries;

/** The Platforms tab's table: a toolbar (search, status chips, show deleted, bulk actions) over the grid. */
class PlatformsTable extends VerticalLayout {

    final PlatformFilters filters = new PlatformFilters();
    final PlatformsGrid grid;

    PlatformsTable(HealthQueries queries, BulkActions bulk, PlatformCells cells) {
        grid = new PlatformsGrid(queries, cells, filters::filter, filters::clear);
        filters.onChange(() -> grid.getDataProvider().refreshAll());
        var actions = new PlatformBulkActions(bulk, grid);
        var toolbar = new HorizontalLayout(filters.search, filters.chipRow, filters.showDeleted, new Span(), actions.pause,
                actions.resume, actions.runNow);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.getStyle().set("flex-wrap", "wrap");
        setPadding(false);
        add(toolbar, grid);
    }
}
