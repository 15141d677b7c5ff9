package io.syncwatch.health.adapter.in.ui.alerts;

import java.time.ZoneOffset;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

import io.syncwatch.health.application.port.in.alerts.AlertOwners;
import io.syncwatch.health.application.port.in.alerts.HealthDigest;
import io.syncwatch.health.domain.alerts.DigestLine;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** The weekly health digest on demand, and who gets each integration's alert mails. */
@Route("conversations/integrations/digest")
@PageTitle("Health digest · Syncwatch")
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class DigestView extends VerticalLayout {

    private final HealthDigest digest;
    private final AlertOwners owners;

    final Button generate = new Button("Generate now", e -> show());
    final Div content = new Div();
    final Grid<AlertOwners.Routing> routing = new Grid<>();
    final TextField owner = new TextField("Alert owner (e-mail addresses; empty: account admins)");
    final Button saveOwner = new Button("Save owner", e -> saveOwner());

    public DigestView(HealthDigest digest, AlertOwners owners) {
        this.digest = digest;
        this.owners = owners;
        addClassName("sw-page");
        generate.setId("digest-generate");
        content.setId("digest-content");
        routing.setId("digest-routing");
        owner.setId("digest-owner");
        saveOwner.setId("digest-save-owner");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new PageHeader("Weekly health digest",
                "What needs attention across your integrations this week; mailed every Monday.", generate));
        content.setWidthFull();
        add(content);

        add(new H2("Alert routing"));
        add(new Paragraph("Errors and invalid credentials are mailed to the integration's owner, or to the account admins."));
        routing.addColumn(AlertOwners.Routing::integrationName).setHeader("Integration");
        routing.addColumn(AlertOwners.Routing::platform).setHeader("Platform");
        routing.addColumn(r -> r.owner().isBlank() ? "Account admins" : r.owner()).setHeader("Owner").setFlexGrow(2);
        routing.setAllRowsVisible(true);
        routing.addSelectionListener(e -> {
            owner.setValue(e.getFirstSelectedItem().map(AlertOwners.Routing::owner).orElse(""));
            saveOwner.setEnabled(e.getFirstSelectedItem().isPresent());
        });
        owner.setWidth("28em");
        saveOwner.setEnabled(false);
        var bar = new HorizontalLayout(owner, saveOwner);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(routing, bar);
        show();
    }

    private void show() {
        routing.setItems(owners.routing());
        content.removeAll();
        HealthDigest.Digest d = digest.generateNow();
        content.add(new Paragraph("Generated " + d.generatedAt().atZone(ZoneOffset.UTC).toLocalDateTime().withNano(0)
                .toString().replace('T', ' ') + " UTC"));
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

    private void saveOwner() {
        routing.asSingleSelect().getOptionalValue().ifPresent(r -> {
            owner.setInvalid(false);
            try {
                owners.setOwner(r.integrationId(), owner.getValue());
                routing.setItems(owners.routing());
            } catch (IllegalArgumentException e) {
                owner.setErrorMessage(e.getMessage());
                owner.setInvalid(true);
            }
        });
    }
}
