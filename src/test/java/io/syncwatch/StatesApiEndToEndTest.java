package io.syncwatch;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * The states API end to end: integrations connected through the integrations module, their
 * health records built by the health module's listeners, read with the account's API key.
 */
@SyncwatchTest
// Vaadin installs its SecurityContextHolderStrategy globally per application context; a cached
// context reused after others were created reads another strategy, so this class (which runs late
// in the suite) gets a fresh context. One context per JVM in production: not affected.
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
class StatesApiEndToEndTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    HealthQueries health;

    @Autowired
    io.syncwatch.platform.application.port.in.SignIn signIn;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    IntegrationSnapshot connect(TestAccount account, String name, boolean withFilters) {
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        IntegrationSnapshot s = integrations.connect(new ConnectCommand(TestPlatforms.KEY, name,
                Map.of("token", "t", "region", "eu"), Environment.PRODUCTION, Schedule.HOURLY));
        if (withFilters) {
            s = integrations.configureFilters(s.id(), new ImportFilters(List.of(), null, Set.of("closed")));
        }
        IntegrationSnapshot connected = s;
        String state = withFilters ? "WAITING_FOR_FIRST_RUN" : "SETUP";
        await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> health.find(connected.id())
                .filter(r -> r.state().name().equals(state)).isPresent());
        signedIn.signOut();
        return connected;
    }

    @Test
    void listsTheSyncStateOrWhyTheIntegrationIsNotSyncing() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot active = connect(account, "Active desk", true);
        IntegrationSnapshot setup = connect(account, "Setup desk", false);
        String key = accounts.apiKey(account);
        org.assertj.core.api.Assertions.assertThat(signIn.authenticateApiKey(key)).as("key resolves").isPresent();
        org.assertj.core.api.Assertions.assertThat(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()).as("no authentication left on the test thread").isNull();
        org.assertj.core.api.Assertions.assertThat(org.springframework.security.test.context.TestSecurityContextHolder.getContext()
                .getAuthentication()).as("no test authentication left on the test thread").isNull();

        mvc.perform(get("/api/v1/integrations/states").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                // no run yet: not syncing, waiting for its first run (a sync state comes with the first run)
                .andExpect(jsonPath("$[?(@.id == " + active.id() + ")].lifecycle").value(hasItem("WAITING_FOR_FIRST_RUN")))
                .andExpect(jsonPath("$[?(@.id == " + setup.id() + ")].lifecycle").value(hasItem("SETUP")))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/integrations/" + setup.id() + "/state").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name", is("Setup desk")))
                .andExpect(jsonPath("$.syncState", nullValue()))
                .andExpect(jsonPath("$.lifecycle", is("SETUP")));
    }

    @Test
    void anotherAccountsIntegrationIsNotFoundAndBadPagingIsRejected() throws Exception {
        IntegrationSnapshot theirs = connect(accounts.create(FeatureFlag.INTEGRATIONS), "Theirs", true);
        String myKey = accounts.apiKey(accounts.create(FeatureFlag.INTEGRATIONS));

        mvc.perform(get("/api/v1/integrations/" + theirs.id() + "/state").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/integrations/99999999/state").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/integrations/states").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/integrations/states?limit=0").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/integrations/states")).andExpect(status().isUnauthorized());
    }
}
