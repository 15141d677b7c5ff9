package io.syncwatch.health.adapter.in.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.platform.shell.EmptyState;

/**
 * The Platforms tab's grid: the account's integrations matching the filters, read lazily page by
 * page in the order of the sorted column (status first by default), several selectable for the
 * bulk actions; a table that fits 1280 px, or below 600 px one column of cards.
 */
class PlatformsGrid extends Grid<HealthRecord> {

    private final Grid.Column<HealthRecord> cards;

    /** {@code clearFilters} is the empty state's way back to every integration. */
    PlatformsGrid(HealthQueries queries, PlatformCells cells, Supplier<HealthFilter> filter, Runnable clearFilters) {
        setId("health-grid");
        setSelectionMode(Grid.SelectionMode.MULTI);
        setMultiSort(false);
        // every column fits 1280 px beside the navigation: texts wrap inside their cell, nothing is cut off
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        var name = addColumn(new ComponentRenderer<>(cells::name)).setHeader("Name")
                .setKey("NAME").setSortable(true).setSortProperty("NAME").setWidth("8rem").setFlexGrow(2)
                .setTooltipGenerator(r -> r.state() == DetailedState.DELETED
                        ? "Deleted: it no longer runs; the contacts it imported stay" : null);
        addColumn(cells::platform).setHeader("Platform").setKey("PLATFORM").setSortProperty("PLATFORM")
                .setWidth("6.5rem").setFlexGrow(1);
        var status = addColumn(new ComponentRenderer<>(cells::status)).setHeader("Status").setKey("STATUS")
                .setSortProperty("STATUS").setWidth("11rem").setFlexGrow(3)
                // Vaadin's tooltip: on hover and when the cell has keyboard focus (not a native title)
                .setTooltipGenerator(cells::statusHover);
        addColumn(cells::lastRanAt).setHeader("Last ran at").setKey("LAST_RAN_AT").setSortProperty("LAST_RAN_AT")
                .setWidth("7.5rem").setFlexGrow(1);
        addColumn(cells::lastDataImported).setHeader("Last data imported").setKey("LAST_DATA_IMPORTED")
                .setSortProperty("LAST_DATA_IMPORTED").setWidth("7.5rem").setFlexGrow(1);
        addColumn(cells::nextRun).setHeader("Next run").setKey("NEXT_RUN").setSortProperty("NEXT_RUN").setWidth("7rem")
                .setFlexGrow(1);
        addColumn(r -> r.schedule().label()).setHeader("Schedule").setKey("SCHEDULE").setSortProperty("SCHEDULE")
                .setWidth("6.5rem").setFlexGrow(1);
        // below 600 px one column of cards replaces the table (NarrowScreen)
        cards = addComponentColumn(cells::card).setHeader("Integrations").setKey("CARD");
        cards.setVisible(false);
        var clear = new Button("Clear search and filters", e -> clearFilters.run());
        clear.setId("health-clear-filters");
        setEmptyStateComponent(new EmptyState(VaadinIcon.SEARCH, "No integration matches",
                "No integration matches the search and status filters. Clear them to see every integration.", clear));
        setItems(query -> queries.page(filter.get(), sorts(query.getSortOrders()), query.getOffset(), query.getLimit())
                .stream(), query -> queries.count(filter.get()));
        sort(List.of(new GridSortOrder<>(status, SortDirection.ASCENDING)));
        name.setResizable(true);
        setAllRowsVisible(false);
        setHeight("60vh");
    }

    /** Cards on a narrow screen, the table otherwise. */
    void narrow(boolean narrow) {
        getColumns().forEach(c -> c.setVisible(c == cards ? narrow : !narrow));
    }

    private static List<HealthSort> sorts(List<QuerySortOrder> orders) {
        List<HealthSort> result = new ArrayList<>();
        for (QuerySortOrder order : orders) {
            result.add(new HealthSort(HealthSort.Column.valueOf(order.getSorted()),
                    order.getDirection() == SortDirection.ASCENDING));
        }
        if (result.isEmpty()) {
            result.add(HealthSort.byStatus());
        }
        return result;
    }
}
