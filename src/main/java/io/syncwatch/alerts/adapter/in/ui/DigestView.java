package io.syncwatch.alerts.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.alerts.domain.AlertsRefusal.InvalidAlertsInput;
import io.syncwatch.platform.shell.Forms;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.alerts.application.port.in.AlertOwners;
import io.syncwatch.alerts.application.port.in.HealthDigest;
import io.syncwatch.alerts.domain.DigestLine;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/** The weekly health digest on demand, and who gets each integration's alert mails. */
@Route(ConsoleRoutes.WEEKLY_DIGEST)
@PageTitle("Health digest · Syncwatch")
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class DigestView extends VerticalLayout {

    private final HealthDigest digest;
    private final AlertOwners owners;

    final Button generate = new Button("Generate now", e -> show());
    final Div content = new Div();
    final Grid<AlertOwners.Routing> routing = new Grid<>();
    final MultiSelectComboBox<AlertOwners.Owner> owner = new MultiSelectComboBox<>(
            "Alert owners (users of this account; none: account admins)");
    final TextField mailbox = new TextField("Shared mailbox (not a user)");
    /** Who is routed where is the use case's to judge (users of the account, mailboxes that are none): its refusals show here. */
    private final Binder<OwnersForm> ownersForm = ownersForm();
    final Button addMailbox = new Button("Add mailbox", e -> addMailbox());
    final Button saveOwner = new Button("Save owners", e -> saveOwner());

    private final PlatformNames platformNames;

    public DigestView(HealthDigest digest, AlertOwners owners,
            org.springframework.beans.factory.ObjectProvider<io.syncwatch.integrations.SourcePlatformCatalog> catalogs) {
        this.digest = digest;
        this.owners = owners;
        this.platformNames = new PlatformNames(catalogs);
        addClassName("sw-page");
        generate.setId("digest-generate");
        content.setId("digest-content");
        routing.setId("digest-routing");
        owner.setId("digest-owner");
        mailbox.setId("digest-mailbox");
        addMailbox.setId("digest-add-mailbox");
        saveOwner.setId("digest-save-owner");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new PageHeader("Weekly health digest",
                "What needs attention across your integrations this week; mailed every Monday.", generate));
        content.setWidthFull();
        add(content);

        add(new H2("Alert routing"));
        add(new Paragraph("Errors and invalid credentials are mailed to the integration's owners — people who can "
                + "sign in to this account, or a shared mailbox added explicitly. Disabled users get no mail; when no "
                + "owner would get it, the account admins do."));
        routing.addColumn(AlertOwners.Routing::integrationName).setHeader("Integration");
        routing.addColumn(r -> platformNames.of(r.platform())).setHeader("Platform");
        routing.addColumn(DigestView::ownersText).setHeader("Owners").setFlexGrow(2);
        routing.setAllRowsVisible(true);
        routing.addSelectionListener(e -> showOwners(e.getFirstSelectedItem().orElse(null)));
        owner.setItemLabelGenerator(AlertOwners.Owner::label);
        owner.setWidthFull();
        owner.setMaxWidth("32em");
        owner.setHelperText("Pick people from the account's users; remove an entry with its ×.");
        mailbox.setWidthFull();
        mailbox.setMaxWidth("20em");
        mailbox.setHelperText("A team address that is not a user, e.g. support-team@example.com");
        showOwners(null);
        var bar = new HorizontalLayout(owner, saveOwner);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var mailboxBar = new HorizontalLayout(mailbox, addMailbox);
        mailboxBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(routing, bar, mailboxBar);
        show();
    }

    private void show() {
        routing.setItems(owners.routing());
        content.removeAll();
        HealthDigest.Digest d = digest.generateNow();
        content.add(new Paragraph("Generated " + io.syncwatch.platform.shell.DateTimes
                .forViewer(com.vaadin.flow.component.UI.getCurrent()).absoluteWithZone(d.generatedAt())));
        if (d.lines().isEmpty()) {
            content.add(new EmptyState(VaadinIcon.CHECK_CIRCLE, "Nothing needs attention",
                    "Every integration is Active and importing at its usual volume."));
            return;
        }
        for (DigestLine.Kind kind : DigestLine.Kind.values()) {
            List<DigestLine> lines = d.lines().stream().filter(l -> l.kind() == kind).toList();
            if (lines.isEmpty()) {
                continue;
            }
            content.add(new H3(kind.label() + " (" + lines.size() + ")"));
            for (DigestLine l : lines) {
                var row = new Div(new Anchor(l.link(), l.integrationName()), new Span(" — " + l.text()));
                row.addClassName("sw-alerts-digest-line");
                content.add(row);
            }
        }
    }

    /** "Account admins", or the owners' labels; says so when none of them is mailed. */
    static String ownersText(AlertOwners.Routing r) {
        if (r.owners().isEmpty()) {
            return "Account admins";
        }
        String owners = String.join(", ", r.owners().stream().map(AlertOwners.Owner::label).toList());
        return r.fallsBackToAdmins() ? owners + " — no owner gets mail: account admins" : owners;
    }

    /** The picker offers the enabled users plus whatever the selected row holds (kept until removed). */
    private void showOwners(AlertOwners.@Nullable Routing row) {
        boolean selected = row != null;
        ownersForm.getValidationErrorHandler().clearError(owner);
        ownersForm.getValidationErrorHandler().clearError(mailbox);
        List<AlertOwners.Owner> current = selected ? row.owners() : List.of();
        setOwnerItems(current, current);
        owner.setEnabled(selected);
        owner.setHelperText(selected ? "Pick people from the account's users; remove an entry with its ×."
                : "Select an integration above to choose its owners.");
        mailbox.setEnabled(selected);
        addMailbox.setEnabled(selected);
        saveOwner.setEnabled(selected);
    }

    private void setOwnerItems(Collection<AlertOwners.Owner> extra, Collection<AlertOwners.Owner> value) {
        Set<AlertOwners.Owner> items = new LinkedHashSet<>(owners.selectableUsers());
        items.addAll(extra);
        owner.setItems(List.copyOf(items));
        owner.setValue(new LinkedHashSet<>(value));
    }

    private void addMailbox() {
        try {
            AlertOwners.Owner added = owners.mailbox(mailbox.getValue());
            Set<AlertOwners.Owner> value = new LinkedHashSet<>(owner.getValue());
            value.removeIf(o -> o.email().equals(added.email()));
            value.add(added);
            setOwnerItems(value, value);
            mailbox.clear();
        } catch (InvalidAlertsInput e) {
            Forms.showProblem(ownersForm, mailbox, e.getMessage());
        }
    }

    private void saveOwner() {
        routing.asSingleSelect().getOptionalValue().ifPresent(r -> {
            try {
                owners.setOwners(r.integrationId(), List.copyOf(owner.getValue()));
                List<AlertOwners.Routing> rows = owners.routing();
                routing.setItems(rows);
                rows.stream().filter(x -> x.integrationId() == r.integrationId()).findFirst()
                        .ifPresent(routing::select);
            } catch (InvalidAlertsInput e) {
                Forms.showProblem(ownersForm, owner, e.getMessage());
            }
        });
    }

    private Binder<OwnersForm> ownersForm() {
        Binder<OwnersForm> form = Forms.binder(OwnersForm.class);
        form.bind(owner, "owners");
        form.bind(mailbox, "mailbox");
        return form;
    }

    /** The selected integration's owners and a shared mailbox to add to them. */
    public record OwnersForm(java.util.Set<AlertOwners.Owner> owners, String mailbox) {
    }
}
