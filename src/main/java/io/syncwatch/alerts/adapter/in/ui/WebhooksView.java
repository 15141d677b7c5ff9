package io.syncwatch.alerts.adapter.in.ui;

import com.vaadin.flow.data.binder.Binder;
import io.syncwatch.alerts.domain.AlertsRefusal.InvalidAlertsInput;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.alerts.application.port.in.WebhookAdministration;
import io.syncwatch.alerts.domain.InvalidWebhookUrl;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;

/** Account admins register webhook endpoints, watch their deliveries, resend and replay. */
@Route("account/webhooks")
@PageTitle("Webhooks · Syncwatch")
@Menu(title = "Account › Webhooks", order = 93, icon = "vaadin:connect")
@RolesAllowed(Permission.Names.ACCOUNT_ADMIN)
public class WebhooksView extends VerticalLayout {

    private final WebhookAdministration admin;

    final TextField url = new TextField("Endpoint URL");
    final TextField description = new TextField("Description");
    final CheckboxGroup<WebhookEventType> events = new CheckboxGroup<>("Events");
    private final Binder<NewEndpoint> endpointForm = endpointForm();
    final Button add = new Button("Add endpoint", e -> register());
    final Div secret = new Div();
    final Grid<WebhookEndpoint> endpoints = new Grid<>();
    final Button toggle = new Button("Disable", e -> toggle());
    final Button rotate = new Button("Rotate signing secret", e -> rotate());
    final Button test = new Button("Send test event", e -> sendTest());
    final Grid<WebhookDelivery> deliveries = new Grid<>();
    final Button resend = new Button("Resend", e -> resend());
    private final io.syncwatch.platform.shell.DateTimes times = io.syncwatch.platform.shell.DateTimes
            .forViewer(com.vaadin.flow.component.UI.getCurrent());
    final DateTimePicker since = times.localize(new DateTimePicker("Failed since (" + times.zoneLabel() + ")"));
    final Button replay = new Button("Replay failed", e -> replay());
    final Paragraph status = new Paragraph();
    final Div notices = new Div();
    private final H2 deliveriesTitle = new H2("Deliveries");

    public WebhooksView(WebhookAdministration admin) {
        this.admin = admin;
        addClassName("sw-page");
        url.setId("webhook-url");
        description.setId("webhook-description");
        events.setId("webhook-events");
        add.setId("webhook-add");
        secret.setId("webhook-secret");
        endpoints.setId("webhook-endpoints");
        toggle.setId("webhook-toggle");
        rotate.setId("webhook-rotate");
        test.setId("webhook-test");
        deliveries.setId("webhook-deliveries");
        resend.setId("webhook-resend");
        since.setId("webhook-replay-since");
        replay.setId("webhook-replay");
        status.setId("webhook-status");
        add(new PageHeader("Webhooks",
                "Signed JSON events for your own systems when an integration's state changes, a run fails or the digest is ready."));
        add(notices);

        url.setPlaceholder("https://example.com/syncwatch-hook");
        url.setWidthFull();
        url.setMaxWidth("28em");
        description.setWidthFull();
        description.setMaxWidth("16em");
        events.setItems(EnumSet.complementOf(EnumSet.of(WebhookEventType.TEST)));
        events.setItemLabelGenerator(WebhookEventType::label);
        events.select(WebhookEventType.STATE_CHANGED, WebhookEventType.RUN_FAILED, WebhookEventType.CREDENTIALS_INVALID);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(url, description, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(form, events);
        secret.addClassName("sw-alerts-secret");
        secret.setVisible(false);
        add(secret, status);

        endpoints.addColumn(WebhookEndpoint::url).setHeader("URL").setFlexGrow(3);
        endpoints.addColumn(WebhookEndpoint::description).setHeader("Description");
        endpoints.addColumn(e -> e.eventTypes().stream().map(WebhookEventType::label).collect(Collectors.joining(", ")))
                .setHeader("Events").setFlexGrow(2);
        endpoints.addColumn(e -> e.enabled() ? "Enabled" : "Disabled" + (e.disabledReason() == null ? "" : " — " + e.disabledReason()))
                .setHeader("Status").setFlexGrow(2);
        endpoints.addColumn(e -> format(e.failingSince())).setHeader("Failing since");
        endpoints.setAllRowsVisible(true);
        endpoints.setEmptyStateText("No webhooks yet. Add one above to have alerts posted to your own system.");
        endpoints.addSelectionListener(e -> selected());
        add(endpoints);

        var actions = new HorizontalLayout(toggle, rotate, test);
        add(actions);

        deliveries.addColumn(d -> format(d.createdAt())).setHeader("Created");
        deliveries.addColumn(d -> d.eventType().label()).setHeader("Event");
        deliveries.addColumn(WebhookDelivery::eventId).setHeader("Event id").setFlexGrow(2);
        deliveries.addColumn(d -> d.status().label()).setHeader("Status");
        deliveries.addColumn(WebhookDelivery::attempts).setHeader("Attempts");
        deliveries.addColumn(d -> d.responseCode() == null ? "" : d.responseCode().toString()).setHeader("Response");
        deliveries.addColumn(d -> d.responseMillis() == null ? "" : d.responseMillis() + " ms").setHeader("Time");
        deliveries.addColumn(d -> format(d.lastAttemptAt())).setHeader("Last attempt");
        deliveries.addColumn(d -> d.status() == WebhookDelivery.Status.RETRYING ? format(d.nextAttemptAt()) : "")
                .setHeader("Next attempt");
        deliveries.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader("Error").setFlexGrow(2);
        deliveries.setEmptyStateText("No deliveries: select a webhook to see what was sent to it.");
        deliveries.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(d -> new Pre(d.payload())));
        deliveries.addSelectionListener(e -> resend.setEnabled(e.getFirstSelectedItem().isPresent()));
        var replayBar = new HorizontalLayout(resend, since, replay);
        replayBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(deliveriesTitle, replayBar, deliveries);
        refresh();
        selected();
    }

    /** The console's one formatter, in the viewer's zone. */
    private String format(@Nullable Instant instant) {
        return times.format(instant, Instant.now(), "");
    }

    private void refresh() {
        List<WebhookEndpoint> list = admin.endpoints();
        WebhookEndpoint current = endpoints.asSingleSelect().getValue();
        endpoints.setItems(list);
        if (current != null) {
            list.stream().filter(e -> e.id() == current.id()).findFirst().ifPresent(endpoints::select);
        }
        notices.removeAll();
        admin.notices().forEach(n -> {
            var p = new Paragraph(n);
            p.addClassNames("sw-alerts-notice");
            notices.add(p);
        });
    }

    private @Nullable WebhookEndpoint selectedEndpoint() {
        return endpoints.asSingleSelect().getValue();
    }

    private void selected() {
        WebhookEndpoint e = selectedEndpoint();
        toggle.setEnabled(e != null);
        rotate.setEnabled(e != null);
        test.setEnabled(e != null && e.enabled());
        replay.setEnabled(e != null);
        resend.setEnabled(false);
        toggle.setText(e != null && !e.enabled() ? "Enable" : "Disable");
        deliveries.setVisible(e != null);
        deliveriesTitle.setText(e == null ? "Deliveries (select an endpoint)" : "Deliveries to " + e.url());
        if (e != null) {
            long id = e.id();
            deliveries.setItems(q -> admin.deliveries(id, q.getOffset(), q.getLimit()).stream(),
                    q -> admin.countDeliveries(id));
        }
    }

    private Binder<NewEndpoint> endpointForm() {
        Binder<NewEndpoint> form = Forms.binder(NewEndpoint.class);
        form.bind(url, "url");
        form.bind(description, "description");
        form.bind(events, "events");
        return form;
    }

    private void register() {
        Forms.record(endpointForm).ifPresent(form -> register(form));
    }

    private void register(NewEndpoint form) {
        try {
            var registered = admin.register(form.url(), form.description(), form.events());
            showSecret(registered.signingSecret());
            url.clear();
            description.clear();
            refresh();
            endpoints.select(registered.endpoint());
        } catch (InvalidWebhookUrl | InvalidAlertsInput ex) {
            Forms.showRefusal(endpointForm, ex);
        }
    }

    private void showSecret(String value) {
        secret.setText("Signing secret (copy it now, it is not shown again): " + value);
        secret.setVisible(true);
    }

    private void toggle() {
        WebhookEndpoint e = selectedEndpoint();
        if (e == null) {
            return;
        }
        if (e.enabled()) {
            admin.disable(e.id());
            status.setText("Endpoint disabled: nothing is sent to it until you enable it again.");
        } else {
            admin.enable(e.id());
            status.setText("Endpoint enabled.");
        }
        refresh();
        selected();
    }

    private void rotate() {
        WebhookEndpoint e = selectedEndpoint();
        if (e != null) {
            showSecret(admin.rotateSecret(e.id()));
            status.setText("New signing secret: the old one no longer verifies.");
        }
    }

    private void sendTest() {
        WebhookEndpoint e = selectedEndpoint();
        if (e != null) {
            admin.sendTest(e.id());
            status.setText("Test event queued; it appears in the deliveries below.");
            deliveries.getDataProvider().refreshAll();
        }
    }

    private void resend() {
        deliveries.asSingleSelect().getOptionalValue().ifPresent(d -> {
            admin.resend(d.id());
            status.setText("Delivery " + d.eventId() + " queued again.");
            deliveries.getDataProvider().refreshAll();
        });
    }

    private void replay() {
        WebhookEndpoint e = selectedEndpoint();
        if (e == null) {
            return;
        }
        Instant from = since.getValue() == null ? Instant.EPOCH : since.getValue().atZone(times.zone()).toInstant();
        int n = admin.replayFailedSince(e.id(), from);
        status.setText(n + " failed deliveries queued again.");
        deliveries.getDataProvider().refreshAll();
    }

    /** A new endpoint as the form holds it; the URL rules (HTTPS, no private network) are the use case's. */
    public record NewEndpoint(String url, String description,
            @NotEmpty(message = "Choose at least one event") java.util.Set<WebhookEventType> events) {
    }
}
