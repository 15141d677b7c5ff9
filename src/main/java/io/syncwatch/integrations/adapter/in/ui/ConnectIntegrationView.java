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
import com.vaadin.flow.data.binder.Binder;
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
import io.syncwatch.integrations.InvalidIntegrationInput;
import io.syncwatch.integrations.domain.IntegrationNames;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.shell.EmptyState;
import io.syncwatch.platform.shell.PageHeader;
import jakarta.annotation.security.RolesAllowed;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * The "Connect integration" wizard: platform → name and credentials (tested) → schedule and
 * environment → filters. Each step's fields are bound to a form record whose Bean Validation
 * annotations carry the use case's words; a step goes on only when its fields are valid, and
 * nothing is saved until Connect.
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
    private final Binder<PlatformChoice> platformBinder = Forms.binder(PlatformChoice.class);
    private final Binder<NameForm> nameBinder = Forms.binder(NameForm.class);
    private final Binder<ScheduleForm> scheduleBinder = Forms.binder(ScheduleForm.class);

    public ConnectIntegrationView(IntegrationManagement integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
        addClassName("sw-page");
        platformChoice.setId("platform");
        name.setId("name");
        schedule.setId("schedule");
        environment.setId("environment");
        platformBinder.bind(platformChoice, "platform");
        nameBinder.bind(name, "name");
        scheduleBinder.bind(schedule, "schedule");
        scheduleBinder.bind(environment, "environment");
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
        if (platform != null) {
            platformChoice.setValue(platform);
        }
        Button next = new Button("Next", e -> Forms.record(platformBinder).ifPresent(choice -> {
            platform = choice.platform();
            showCredentialsStep();
        }));
        next.setId("next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(platformChoice, next);
    }

    void showCredentialsStep() {
        step(2, "Name and credentials");
        name.setMaxLength(IntegrationNames.MAX_LENGTH);
        name.setWidthFull();
        name.setMaxWidth("24rem");
        name.setHelperText("Shown on the Platforms tab, e.g. \"" + platform.displayName() + " EU support\"");
        if (credentials == null || credentials.platform != platform) {
            credentials = new CredentialsForm(platform); // typed values survive Back and a refused Connect
        }
        Button test = new Button("Test connection", VaadinIcon.CONNECT.create(), e -> testConnection());
        test.setId("test-connection");
        Button next = new Button("Next", e -> {
            if (Forms.record(nameBinder).isPresent() && testConnection()) {
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
        var values = credentials.values();
        if (values.isEmpty()) {
            showConnectionResult(false, "Fix the highlighted fields first");
            return false;
        }
        try {
            ConnectionCheck check = integrations.testConnection(platform.key(), values.get());
            showConnectionResult(check.ok(), check.ok() ? "✓ " + check.message()
                    : "Connection failed: " + (check.failure() == null ? "" : check.failure() + ". ") + check.message());
            return check.ok();
        } catch (InvalidIntegrationInput e) {
            credentials.showRefusal(e.problems());
            showConnectionResult(false, "Fix the highlighted fields first");
            return false;
        }
    }

    private void showConnectionResult(boolean ok, String text) {
        connectionResult.setText(text);
        connectionResult.getElement().getThemeList().clear();
        connectionResult.getElement().getThemeList().add(ok ? "badge success" : "badge error");
    }

    void showScheduleStep() {
        step(3, "Schedule and environment");
        schedule.setLabel("Schedule");
        schedule.setItems(Schedule.values());
        schedule.setItemLabelGenerator(Schedule::label);
        environment.setItems(Environment.values());
        environment.setItemLabelGenerator(e -> e == Environment.DEVELOPMENT
                ? "Development (goes inactive after 14 days without an API request)" : "Production");
        if (schedule.getValue() == null) {
            scheduleBinder.readRecord(new ScheduleForm(Schedule.DEFAULT, Environment.PRODUCTION));
        }
        Button connect = new Button("Connect", e -> connect());
        connect.setId("connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Back", e -> showCredentialsStep());
        body.add(schedule, environment, new HorizontalLayout(back, connect));
    }

    /**
     * Saves the integration; a refusal only the use case can know (the name is taken, the
     * connection test failed) goes back to the step of the field it names, shown on that field.
     */
    void connect() {
        var settings = Forms.record(scheduleBinder);
        var named = Forms.record(nameBinder);
        var values = credentials.values();
        if (settings.isEmpty() || named.isEmpty() || values.isEmpty()) {
            if (named.isEmpty() || values.isEmpty()) {
                showCredentialsStep();
            }
            return;
        }
        try {
            connected = integrations.connect(new ConnectCommand(platform.key(), named.get().name(), values.get(),
                    settings.get().environment(), settings.get().schedule()));
            showFiltersStep();
        } catch (InvalidIntegrationInput e) {
            Map<String, String> problems = Forms.showRefusal(scheduleBinder, e);
            if (problems.isEmpty()) {
                return;
            }
            showCredentialsStep();
            problems = Forms.showRefusal(nameBinder, problems);
            if (!credentials.showRefusal(problems) && problems.containsKey("credentials")) {
                showConnectionResult(false, problems.get("credentials"));
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
        filters.value().ifPresent(value -> {
            try {
                integrations.configureFilters(connected.id(), value);
                openIntegration();
            } catch (InvalidIntegrationInput e) {
                filters.showRefusal(e.problems());
            }
        });
    }

    private void openIntegration() {
        getUI().ifPresent(ui -> ui.navigate(IntegrationView.class, IntegrationView.parameters(connected.id())));
    }

    /** Step 1: the platform to connect. */
    public record PlatformChoice(@NotNull(message = "Choose the platform to connect") PlatformDescriptor platform) {
    }

    /** Step 2: the integration's name (its credentials are the platform's own fields). */
    public record NameForm(
            @NotBlank(message = IntegrationNames.REQUIRED) @Size(max = IntegrationNames.MAX_LENGTH, message = IntegrationNames.TOO_LONG) String name) {
    }

    /** Step 3: when it runs and where it counts. */
    public record ScheduleForm(@NotNull(message = "Choose a schedule") Schedule schedule,
            @NotNull(message = "Choose an environment") Environment environment) {
    }
}
