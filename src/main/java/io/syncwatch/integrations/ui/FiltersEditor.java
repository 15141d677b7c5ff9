package io.syncwatch.integrations.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/**
 * Edits an integration's filters: conditions (every one must hold), the historical start date
 * and the status criteria. Shows the problems the use case reports on the fields they name.
 * Used on the integration page and, through {@link FilterEditing}, on other modules' screens.
 */
public class FiltersEditor extends Composite<VerticalLayout> {

    private final PlatformDescriptor platform;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<ConditionRow> conditionRows = new ArrayList<>();
    final DatePicker historicalStart = new DatePicker("Historical start date");
    final MultiSelectComboBox<String> statusCriteria = new MultiSelectComboBox<>("Import conversations with status");
    final Button addCondition = new Button("Add condition", VaadinIcon.PLUS.create());

    public FiltersEditor(PlatformDescriptor platform, ImportFilters initial, LocalDate today) {
        this.platform = platform;
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.addClassName("sw-filters");
        root.add(new H3("Filters"), new Paragraph("A conversation is imported only when it meets every condition, "
                + "is not older than the historical start date and has one of the chosen statuses."));
        rows.setPadding(false);
        rows.setSpacing(true);
        addCondition.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addCondition.addClickListener(e -> addRow(null));
        historicalStart.setId("historical-start");
        statusCriteria.setId("status-criteria");
        addCondition.setId("add-condition");
        historicalStart.setMax(today);
        historicalStart.setClearButtonVisible(true);
        historicalStart.setHelperText("Imports never reach further back. Empty: as far back as the platform allows.");
        // the viewer's locale, like every picker of the console (not a format of its own)
        io.syncwatch.platform.shell.DateTimes.forViewer(com.vaadin.flow.component.UI.getCurrent()).localize(historicalStart);
        statusCriteria.setItems(platform.statusValues());
        statusCriteria.setHelperText("By default only closed/completed conversations. Empty: any status.");
        // as wide as 24rem where there is room, never wider than the screen (390 px: it ended 4 px past the edge)
        statusCriteria.setWidthFull();
        statusCriteria.setMaxWidth("24rem");
        var dates = new HorizontalLayout(historicalStart, statusCriteria);
        dates.setWrap(true);
        dates.setWidthFull();
        root.add(rows, addCondition, dates);
        setValue(initial);
    }

    public void setValue(ImportFilters filters) {
        rows.removeAll();
        conditionRows.clear();
        filters.conditions().forEach(this::addRow);
        historicalStart.setValue(filters.historicalStart());
        statusCriteria.setValue(new LinkedHashSet<>(filters.statusCriteria()));
    }

    public ImportFilters value() {
        List<FilterCondition> conditions = conditionRows.stream().map(ConditionRow::value).toList();
        return new ImportFilters(conditions, historicalStart.getValue(), statusCriteria.getValue());
    }

    List<ConditionRow> rows() {
        return List.copyOf(conditionRows);
    }

    /** Puts each problem on its field; problems without a field are returned for a notification. */
    public void showProblems(Map<String, String> problems) {
        conditionRows.forEach(ConditionRow::clearProblems);
        historicalStart.setInvalid(false);
        problems.forEach((field, message) -> {
            if (field.equals("historicalStart")) {
                historicalStart.setErrorMessage(message);
                historicalStart.setInvalid(true);
            } else if (field.equals("statusCriteria")) {
                statusCriteria.setErrorMessage(message);
                statusCriteria.setInvalid(true);
            } else if (field.startsWith("conditions[")) {
                int index = Integer.parseInt(field.substring(11, field.indexOf(']')));
                if (index < conditionRows.size()) {
                    conditionRows.get(index).showProblem(field.substring(field.indexOf("].") + 2), message);
                }
            }
        });
    }

    void addRow(FilterCondition condition) {
        ConditionRow row = new ConditionRow(condition);
        conditionRows.add(row);
        rows.add(row);
    }

    /** One condition: field, custom field name (for custom fields), value, remove. */
    final class ConditionRow extends HorizontalLayout {

        final Select<FilterField> field = new Select<>();
        final TextField customFieldName = new TextField("Custom field name");
        final TextField value = new TextField("Value");

        ConditionRow(FilterCondition condition) {
            setAlignItems(FlexComponent.Alignment.BASELINE);
            field.setLabel("Field");
            field.setItems(platform.filterFields().isEmpty() ? List.of(FilterField.values())
                    : List.copyOf(platform.filterFields()).stream().sorted().toList());
            field.setItemLabelGenerator(FilterField::label);
            field.setValue(condition == null ? FilterField.CHANNEL : condition.field());
            value.setMaxLength(200);
            value.addClassName("sw-condition-value");
            field.addClassName("sw-condition-field");
            customFieldName.addClassName("sw-condition-custom-field");
            customFieldName.setMaxLength(100);
            if (condition != null) {
                value.setValue(condition.value());
                customFieldName.setValue(condition.customFieldName() == null ? "" : condition.customFieldName());
            }
            customFieldName.setVisible(field.getValue() == FilterField.CUSTOM_FIELD);
            field.addValueChangeListener(e -> customFieldName.setVisible(e.getValue() == FilterField.CUSTOM_FIELD));
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                conditionRows.remove(this);
                rows.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove condition");
            add(field, customFieldName, value, remove);
        }

        FilterCondition value() {
            FilterField f = field.getValue();
            return new FilterCondition(f, f == FilterField.CUSTOM_FIELD ? customFieldName.getValue().strip() : null,
                    value.getValue().strip());
        }

        void clearProblems() {
            value.setInvalid(false);
            customFieldName.setInvalid(false);
        }

        void showProblem(String property, String message) {
            TextField target = property.equals("customFieldName") ? customFieldName : value;
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
    }
}
