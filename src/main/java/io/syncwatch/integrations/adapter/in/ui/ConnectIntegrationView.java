package io.syncwatch.integrations.adapter.in.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.syncwatch.integrations.ui.FiltersEditor;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.SourcePlatformCatalog.ConnectionCheck;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.integrations.application.port.in.InvalidIntegrationInput;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * The "Connect integration" wizard: platform → name and credentials (tested) → schedule and
 * environment → filters. Every field is validated where it is entered.
 */
@Route(ConsoleRoutes.CONNECT_INTEGRATION)
@PageTitle("Connect integration · Syncwatch")
@RolesAllowed(Permission.Names.MANAGE_INTEGRATIONS)
public class ConnectIntegrationView extends VerticalLayout {

    private final IntegrationManagement integrations;
    private final Clock clock;
    private final Div stepLabel = new Div();
    private final VerticalLayout body = new VerticalLayout();

    PlatformDescriptor platform;
    final RadioButtonGroup<PlatformDescriptor> platformChoice = new RadioButtonGroup<>("Platform");
    final TextField name = new TextField("Name");
    CredentialsForm credentials;
    final Span connectionResult = new Span();
    final Select<Schedule> schedule = new Select<>();
    final RadioButtonGroup<Environment> environment = new RadioButtonGroup<>("Environment");
    FiltersEditor filters;
    IntegrationSnapshot connected;

    public ConnectIntegrationView(IntegrationManagement integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
        addClassName("sw-page");
        platformChoice.setId("platform");
        name.setId("name");
        schedule.setId("schedule");
        environment.setId("environment");
        add(new PageHeader("Connect integration", "Import conversations from a source platform on a schedule."));
        stepLabel.addClassName("sw-step");
        body.setPadding(false);
        add(stepLabel, body);
        showPlatformStep();
    }

    private void step(int number, String title) {
        stepLabel.setText("Step " + number + " of 4 · " + title);
        body.removeAll();
    }

    void showPlatformStep() {
        step(1, "Platform");
        List<PlatformDescriptor> platforms = integrations.platforms();
        if (platforms.isEmpty()) {
            body.add(new EmptyState(VaadinIcon.PLUG, "No platforms available",
                    "No source-platform connectors are installed in this Syncwatch."));
            return;
        }
        platformChoice.setItems(platforms);
        platformChoice.setItemLabelGenerator(p -> p.displayName() + " — " + p.description());
        platformChoice.addThemeName("vertical");
        platformChoice.setRequiredIndicatorVisible(true);
        Button next = new Button("Next", e -> {
            if (platformChoice.getValue() == null) {
                platformChoice.setErrorMessage("Choose the platform to connect");
                platformChoice.setInvalid(true);
                return;
            }
            platform = platformChoice.getValue();
            showCredentialsStep();
        });
        next.setId("next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(platformChoice, next);
    }

    void showCredentialsStep() {
        step(2, "Name and credentials");
        name.setRequired(true);
        name.setMaxLength(100);
        name.setWidth("24rem");
        name.setHelperText("Shown on the Platforms tab, e.g. \"" + platform.displayName() + " EU support\"");
        credentials = new CredentialsForm(platform);
        Button test = new Button("Test connection", VaadinIcon.CONNECT.create(), e -> testConnection());
        test.setId("test-connection");
        Button next = new Button("Next", e -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage("Give the integration a name");
                name.setInvalid(true);
                return;
            }
            if (testConnection()) {
                showScheduleStep();
            }
        });
        next.setId("next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Back", e -> showPlatformStep());
        connectionResult.setId("connection-result");
        body.add(new H3(platform.displayName()), name, credentials, new HorizontalLayout(test, connectionResult),
                new HorizontalLayout(back, next));
    }

    /** Runs the connection test and shows its specific message; returns whether it worked. */
    boolean testConnection() {
        try {
            ConnectionCheck check = integrations.testConnection(platform.key(), credentials.values());
            credentials.showProblems(Map.of());
            connectionResult.setText(check.ok() ? "✓ " + check.message()
                    : "Connection failed: " + (check.failure() == null ? "" : check.failure() + ". ") + check.message());
            connectionResult.getElement().getThemeList().clear();
            connectionResult.getElement().getThemeList().add(check.ok() ? "badge success" : "badge error");
            return check.ok();
        } catch (InvalidIntegrationInput e) {
            credentials.showProblems(e.problems());
            connectionResult.setText("Fix the highlighted fields first");
            connectionResult.getElement().getThemeList().clear();
            connectionResult.getElement().getThemeList().add("badge error");
            return false;
        }
    }

    void showScheduleStep() {
        step(3, "Schedule and environment");
        schedule.setLabel("Schedule");
        schedule.setItems(Schedule.values());
        schedule.setItemLabelGenerator(Schedule::label);
        schedule.setValue(Schedule.DEFAULT);
        environment.setItems(Environment.values());
        environment.setItemLabelGenerator(e -> e == Environment.DEVELOPMENT
                ? "Development (goes inactive after 14 days without an API request)" : "Production");
        environment.setValue(Environment.PRODUCTION);
        Button connect = new Button("Connect", e -> connect());
        connect.setId("connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Back", e -> showCredentialsStep());
        body.add(schedule, environment, new HorizontalLayout(back, connect));
    }

    void connect() {
        try {
            connected = integrations.connect(new ConnectCommand(platform.key(), name.getValue(), credentials.values(),
                    environment.getValue(), schedule.getValue()));
            showFiltersStep();
        } catch (InvalidIntegrationInput e) {
            showCredentialsStep();
            if (e.problems().containsKey("name")) {
                name.setErrorMessage(e.problems().get("name"));
                name.setInvalid(true);
            }
            if (!credentials.showProblems(e.problems()) && e.problems().containsKey("credentials")) {
                connectionResult.setText(e.problems().get("credentials"));
                connectionResult.getElement().getThemeList().add("badge error");
            }
        }
    }

    void showFiltersStep() {
        step(4, "Filters");
        filters = new FiltersEditor(platform, connected.filters(), LocalDate.now(clock));
        Paragraph note = new Paragraph("'" + connected.name() + "' is connected and in Setup: it starts importing "
                + "once its filters are saved.");
        Button save = new Button("Save filters and activate", e -> saveFilters());
        save.setId("save-filters");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button later = new Button("Finish later", e -> openIntegration());
        body.add(note, filters, new HorizontalLayout(later, save));
    }

    void saveFilters() {
        try {
            integrations.configureFilters(connected.id(), filters.value());
            openIntegration();
        } catch (InvalidIntegrationInput e) {
            filters.showProblems(e.problems());
        }
    }

    private void openIntegration() {
        getUI().ifPresent(ui -> ui.navigate(IntegrationView.class, IntegrationView.parameters(connected.id())));
    }
}
