package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.syncwatch.SyncwatchApplication;
import io.syncwatch.platform.application.port.in.FirstAdmin;
import io.syncwatch.testsupport.Browser;
import io.syncwatch.testsupport.TestDatabase;
import io.syncwatch.testsupport.TestDatabaseInitializer;

/**
 * Issue 17.1 as an operator meets it: the {@code prod} profile on an empty database of the tests'
 * MySQL-family server, started with the bootstrap variables → the one-time link in the log → the
 * password set in Chromium → sign-in → an integration connected. The used link then answers with a
 * clear page, and bootstrapping again changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminOnProdTest {

    static final Pattern LINK = Pattern.compile("one-time link \\(valid until [^,]+, single use\\): (\\S+)/set-password/(\\S+)");
    static final String PASSWORD = "Harbour-Lantern-7431";

    final String database = "sw_first_admin_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;

    @AfterEach
    void dropDatabase() throws SQLException {
        if (TestDatabase.isRealServer()) {
            TestDatabase.dropDatabase(database);
        }
    }

    @Test
    void emptyDatabaseToSignedInAdminWhoConnectsAnIntegration(CapturedOutput output) throws SQLException {
        assumeTrue(TestDatabase.isRealServer(), "needs a MySQL-family server (H2 fallback in use)");
        TestDatabase.Connection empty;
        try {
            empty = TestDatabase.createDatabase(database, "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            assumeTrue(false, "the test user may not create databases: " + e.getMessage());
            return;
        }
        try (var app = startProd(empty, "--syncwatch.bootstrap.admin-email=Ops@Example.test",
                "--syncwatch.bootstrap.account-name=Example Ltd")) {
            Matcher link = LINK.matcher(output.getOut());
            assertThat(link.find()).as("the set-password link in the log").isTrue();
            String token = link.group(2);
            assertThat(output.getOut()).contains("First admin ops@example.test created in account 'Example Ltd'")
                    .doesNotContain(PASSWORD);
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select token_hash from password_setup_link").query(String.class).single())
                    .as("stored hashed").isNotEqualTo(token).hasSize(64);

            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            try (Browser browser = Browser.open()) {
                Page page = browser.page();
                page.navigate(base + "/set-password/" + token);
                page.locator("vaadin-password-field").first().locator("input").fill(PASSWORD);
                page.locator("vaadin-password-field").nth(1).locator("input").fill(PASSWORD);
                page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Set password")).click();
                page.getByText("Password set").waitFor();

                browser.signIn(base, "ops@example.test", PASSWORD);
                page.navigate(base + "/conversations/integrations/platforms/connect");
                page.locator("vaadin-radio-button", new Page.LocatorOptions().setHasText("Demo platform")).click();
                page.locator("#next").click();
                page.locator("#name input").fill("First helpdesk");
                page.locator("#credential-apiKey input").fill("first-admin-key");
                page.locator("#next").click();
                page.locator("#connect").waitFor();
                page.locator("#connect").click();
                page.getByText("'First helpdesk' is connected").waitFor();

                // the used link: a clear page, no form
                page.navigate(base + "/set-password/" + token);
                page.getByText("This link has already been used").waitFor();
                page.locator("vaadin-password-field").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(WaitForSelectorState.DETACHED).setTimeout(2_000));
            }
            assertThat(jdbc.sql("select count(*) from integration where name = 'First helpdesk'").query(Long.class).single())
                    .isEqualTo(1L);

            var again = app.getBean(FirstAdmin.class).bootstrap("someone.else@example.test", "Other");
            assertThat(again).isInstanceOf(FirstAdmin.Outcome.NothingToDo.class);
            assertThat(app.getBean(FirstAdmin.class).bootstrap("ops@example.test", "Example Ltd"))
                    .as("no new link for an admin who set a password").isInstanceOf(FirstAdmin.Outcome.NothingToDo.class);
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1L);
            assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(1L);
        }
    }

    /** The app as an operator starts it: profile prod only, on the given database. */
    static ConfigurableApplicationContext startProd(TestDatabase.Connection db, String... extra) {
        List<String> args = new ArrayList<>();
        db.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.addAll(List.of("--spring.profiles.active=prod", "--" + TestDatabaseInitializer.OWN_DATABASE + "=true",
                "--server.port=0", "--syncwatch.scheduling.enabled=false", "--syncwatch.imports.scheduler.enabled=false",
                "--syncwatch.alerts.scheduling.enabled=false", "--syncwatch.secret-key-file=target/test-secret.key",
                "--vaadin.devmode.devTools.enabled=false", "--vaadin.copilot.enable=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(SyncwatchApplication.class).run(args.toArray(String[]::new));
    }
}
