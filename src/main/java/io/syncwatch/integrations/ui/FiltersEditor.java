package io.syncwatch.integrations.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.integrations.FilterCondition;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.domain.FilterValidation;
import io.syncwatch.platform.shell.Forms;

/**
 * Edits an integration's filters: conditions (every one must hold), the historical start date
 * and the status criteria. Each condition row and the dates are bound with a {@link Binder} to the
 * filter rules the use case applies ({@link FilterValidation}: their messages depend on the field,
 * so they are validators rather than annotations), and the use case's own refusal is shown on the
 * fields it names.
 * Used on the integration page and, through {@link FilterEditing}, on other modules' screens.
 */
public class FiltersEditor extends Composite<VerticalLayout> {

    private final PlatformDescriptor platform;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<ConditionRow> conditionRows = new ArrayList<>();
    final DatePicker historicalStart = new DatePicker("Historical start date");
    final MultiSelectComboBox<String> statusCriteria = new MultiSelectComboBox<>("Import conversations with status");
    final Button addCondition = new Button("Add condition", VaadinIcon.PLUS.create());
    private final Binder<Dates> binder = Forms.binder(Dates.class);

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
        binder.forField(historicalStart)
                .withValidator(Forms.rule(d -> FilterValidation.historicalStartProblem(d, today)))
                .bind("historicalStart");
        binder.forField(statusCriteria).withValidator(Forms.rule(FilterValidation::statusCriteriaProblem))
                .bind("statusCriteria");
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
        binder.readRecord(new Dates(filters.historicalStart(), new LinkedHashSet<>(filters.statusCriteria())));
    }

    /** The filters, or empty when a field breaks a rule (every such field shows why). */
    public Optional<ImportFilters> value() {
        List<Optional<FilterCondition>> conditions = conditionRows.stream().map(ConditionRow::value).toList();
        Optional<Dates> dates = Forms.record(binder);
        if (dates.isEmpty() || conditions.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(new ImportFilters(conditions.stream().map(Optional::orElseThrow).toList(),
                dates.get().historicalStart(), dates.get().statusCriteria()));
    }

    List<ConditionRow> rows() {
        return List.copyOf(conditionRows);
    }

    /** Shows the use case's problems on the fields they name ({@code conditions[0].value}, {@code historicalStart}…). */
    public void showRefusal(Map<String, String> problems) {
        Forms.showRefusal(binder, problems).forEach((field, message) -> {
            if (field.startsWith("conditions[")) {
                int index = Integer.parseInt(field.substring(11, field.indexOf(']')));
                if (index < conditionRows.size()) {
                    Forms.showRefusal(conditionRows.get(index).binder,
                            Map.of(field.substring(field.indexOf("].") + 2), message));
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
        final Binder<FilterCondition> binder = Forms.binder(FilterCondition.class);

        ConditionRow(FilterCondition condition) {
            setAlignItems(FlexComponent.Alignment.BASELINE);
            field.setLabel("Field");
            field.setItems(platform.filterFields().isEmpty() ? List.of(FilterField.values())
                    : List.copyOf(platform.filterFields()).stream().sorted().toList());
            field.setItemLabelGenerator(FilterField::label);
            value.setMaxLength(200);
            value.addClassName("sw-condition-value");
            field.addClassName("sw-condition-field");
            customFieldName.addClassName("sw-condition-custom-field");
            customFieldName.setMaxLength(FilterValidation.MAX_CUSTOM_FIELD_NAME_LENGTH);
            binder.bind(field, "field");
            binder.forField(customFieldName).withValidator(Forms.rule(n -> field.getValue() == FilterField.CUSTOM_FIELD
                    ? FilterValidation.customFieldNameProblem(n) : null)).bind("customFieldName");
            binder.forField(value).withValidator(Forms.rule(v -> FilterValidation.valueProblem(field.getValue(), v)))
                    .bind("value");
            binder.readRecord(condition == null ? new FilterCondition(FilterField.CHANNEL, "", "")
                    : new FilterCondition(condition.field(), condition.customFieldName() == null ? ""
                            : condition.customFieldName(), condition.value()));
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

        /** The condition (a custom field's name only for a custom-field condition), or empty when wrong. */
        Optional<FilterCondition> value() {
            return Forms.record(binder).map(c -> new FilterCondition(c.field(),
                    c.field() == FilterField.CUSTOM_FIELD ? c.customFieldName().strip() : null, c.value().strip()));
        }
    }

    /** The editor's fields besides the conditions, as the binder reads and writes them. */
    public record Dates(@Nullable LocalDate historicalStart, Set<String> statusCriteria) {
    }
}
