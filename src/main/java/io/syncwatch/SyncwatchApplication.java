package io.syncwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

/**
 * Syncwatch: one deployable, four application modules ({@code integrations}, {@code imports},
 * {@code health}, {@code agentrequests}) plus the {@code platform} kernel shared by all of them.
 */
@SpringBootApplication
@Modulithic(systemName = "Syncwatch", sharedModules = "platform")
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class SyncwatchApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        OperatorCommand command = OperatorCommand.of(args);
        var context = SpringApplication.run(SyncwatchApplication.class, command.arguments());
        if (command.given()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addMetaTag("description", "Syncwatch — integration and API health console");
        settings.addFavIcon("icon", "images/favicon.svg", "any");
    }
}
