package io.syncwatch.imports.adapter.in.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.imports.ImportRefusal;
import io.syncwatch.imports.ImportRefusal.InvalidImportInput;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.Forms;

/**
 * Import one conversation by its source reference, to see exactly what happens to it: imported,
 * refreshed, already there, not found, excluded by a filter, or failed, in a badge.
 */
class ImportOneBlock extends ImportsBlock {

    final Button button = new Button("Import conversation");

    /** {@code label} names the platform's reference ("Ticket ID"); empty if the platform cannot import one. */
    ImportOneBlock(Optional<String> label, ManualImports manual, AccountId account, String actor,
            Supplier<IntegrationSnapshot> integration, ImportHistoryBlock history) {
        super(label.isEmpty() ? "This platform does not support importing a single conversation."
                : "Import one conversation by its source reference to see exactly what happens to it.");
        if (label.isEmpty()) {
            return;
        }
        var reference = new TextField(label.get());
        reference.setId("imports-one-reference");
        // no made-up example: a number that every filter excludes only misleads
        reference.setHelperText("The " + label.get() + " as the source platform shows it");
        button.setId("imports-one-button");
        var answer = new Span();
        answer.setId("imports-one-answer");
        Binder<OneConversation> form = Forms.binder(OneConversation.class);
        form.forField(reference).withValidator(Forms.rule(v -> v == null || v.isBlank() ? "Enter the " + label.get() + " first" : null))
                .bind("reference");
        button.addClickListener(e -> Forms.record(form).ifPresent(one -> {
            SingleImportAnswer a;
            try {
                a = manual.importOne(account, integration.get().id(), one.reference(), actor);
            } catch (InvalidImportInput ex) {
                Forms.showRefusal(form, ex.problems());
                return;
            } catch (ImportRefusal ex) {
                answer.setText(ex.getMessage());
                answer.getElement().getThemeList().clear();
                answer.getElement().getThemeList().add("badge error");
                answer.getElement().setAttribute("data-kind", "REFUSED");
                return;
            }
            answer.setText(a.message());
            answer.getElement().getThemeList().clear();
            answer.getElement().getThemeList().add("badge " + switch (a.kind()) {
                case IMPORTED, REFRESHED, ALREADY_PRESENT -> "success";
                case NOT_FOUND, EXCLUDED_BY_FILTER -> "contrast";
                case NOT_SUPPORTED, FAILED -> "error";
            });
            answer.getElement().setAttribute("data-kind", a.kind().name());
            history.refresh();
        }));
        var row = new HorizontalLayout(reference, button);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(row, answer);
    }

    /** Import one conversation: its reference at the source. */
    public record OneConversation(String reference) {
    }
}
