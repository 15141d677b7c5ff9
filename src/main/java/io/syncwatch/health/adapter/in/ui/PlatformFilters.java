package io.syncwatch.health.adapter.in.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.syncwatch.health.SummaryStatus;
import io.syncwatch.health.domain.HealthFilter;

/**
 * The Platforms tab's filters: search by name, one toggle chip per summary status (pressed chips
 * show only their statuses) and "Show deleted". They make the grid's {@link HealthFilter}.
 */
final class PlatformFilters {

    final TextField search = new TextField();
    final Checkbox showDeleted = new Checkbox("Show deleted");
    final HorizontalLayout chipRow = new HorizontalLayout();
    private final Map<SummaryStatus, Button> chips = new EnumMap<>(SummaryStatus.class);
    private final Set<SummaryStatus> selectedStatuses = EnumSet.noneOf(SummaryStatus.class);
    private Runnable changed = () -> {
    };

    PlatformFilters() {
        search.setPlaceholder("Search by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("health-search");
        search.addValueChangeListener(e -> changed.run());
        showDeleted.setId("health-show-deleted");
        showDeleted.addValueChangeListener(e -> changed.run());

        chipRow.setSpacing(false);
        chipRow.addClassName("gap-s");
        for (SummaryStatus status : SummaryStatus.values()) {
            var chip = new Button(status.label());
            chip.addThemeVariants(ButtonVariant.SMALL);
            chip.addClassName("sw-health-chip");
            chip.setId("health-chip-" + status.name().toLowerCase(Locale.ROOT));
            chip.getElement().setAttribute("aria-pressed", "false");
            chip.addClickListener(e -> toggle(status));
            chips.put(status, chip);
            chipRow.add(chip);
        }
    }

    /** Runs {@code changed} after every change of a filter. */
    void onChange(Runnable changed) {
        this.changed = changed;
    }

    HealthFilter filter() {
        return new HealthFilter(selectedStatuses, search.getValue() == null ? "" : search.getValue(),
                showDeleted.getValue());
    }

    /** The empty state's way back to every integration: no search, no chip pressed. */
    void clear() {
        search.clear();
        selectedStatuses.clear();
        chips.forEach((status, chip) -> {
            chip.removeThemeVariants(ButtonVariant.PRIMARY);
            chip.getElement().setAttribute("aria-pressed", "false");
        });
        changed.run();
    }

    private void toggle(SummaryStatus status) {
        if (!selectedStatuses.remove(status)) {
            selectedStatuses.add(status);
        }
        var chip = chips.get(status);
        boolean on = selectedStatuses.contains(status);
        if (on) {
            chip.addThemeVariants(ButtonVariant.PRIMARY);
        } else {
            chip.removeThemeVariants(ButtonVariant.PRIMARY);
        }
        chip.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        changed.run();
    }
}
