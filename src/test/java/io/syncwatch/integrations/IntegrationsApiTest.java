package io.syncwatch.integrations;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/** The integrations REST API: API-key authentication, tenancy, errors and last-request tracking. */
@SyncwatchTest
class IntegrationsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    IntegrationOperations operations;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    IntegrationSnapshot integrationOf(TestAccount account, String name) {
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        try {
            IntegrationSnapshot s = integrations.connect(new ConnectCommand(TestPlatforms.KEY, name,
                    Map.of("token", "secret-token-xyz", "region", "eu"), Environment.DEVELOPMENT, Schedule.HOURLY));
            return integrations.configureFilters(s.id(), new ImportFilters(List.of(), null, Set.of("closed")));
        } finally {
            signedIn.signOut();
        }
    }

    @Test
    void listsAndReadsTheKeysOwnIntegrationsWithoutSecrets() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = integrationOf(account, "Support");
        String key = accounts.apiKey(account);

        mvc.perform(get("/api/v1/integrations").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].name", is("Support")))
                .andExpect(jsonPath("$[0].lifecycle", is("ACTIVE")))
                .andExpect(jsonPath("$[0].credentials").doesNotExist());
        String body = mvc.perform(get("/api/v1/integrations/" + s.id()).header("X-API-Key", key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.platform", is(TestPlatforms.KEY)))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("secret-token-xyz");
    }

    @Test
    void pausesAndResumesAndCountsEachCallAsAnApiRequest() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = integrationOf(account, "Sandbox");
        String key = accounts.apiKey(account);
        jdbc.sql("UPDATE integration SET last_api_request_at = TIMESTAMPADD(DAY, -10, last_api_request_at) WHERE id = ?")
                .param(s.id().value()).update();

        mvc.perform(post("/api/v1/integrations/" + s.id() + "/pause").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lifecycle", is("PAUSED")))
                .andExpect(jsonPath("$.pauseReason", is("MANUAL")));
        mvc.perform(post("/api/v1/integrations/" + s.id() + "/resume").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lifecycle", is("ACTIVE")));

        Long idleDays = jdbc.sql("SELECT TIMESTAMPDIFF(DAY, last_api_request_at, CURRENT_TIMESTAMP(6)) FROM integration WHERE id = ?")
                .param(s.id().value()).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(idleDays).isLessThan(1);
    }

    @Test
    void resumingAnIntegrationHeldForInvalidCredentialsIsAConflictThatAsksForAReconnect() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = integrationOf(account, "Support");
        operations.holdForInvalidCredentials(s.id(), "Every run failed on authentication for 3 days");
        String key = accounts.apiKey(account);

        mvc.perform(post("/api/v1/integrations/" + s.id() + "/resume").header("Authorization", "Bearer " + key))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Reconnect required")))
                .andExpect(jsonPath("$.detail", is("Reconnect with new credentials to resume this integration")))
                .andExpect(jsonPath("$.pauseReason", is("CREDENTIALS_INVALID")));
        mvc.perform(post("/api/v1/integrations/" + s.id() + "/pause").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lifecycle", is("PAUSED")))
                .andExpect(jsonPath("$.pauseReason", is("CREDENTIALS_INVALID")));
        mvc.perform(get("/api/v1/integrations/" + s.id()).header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lifecycle", is("PAUSED")))
                .andExpect(jsonPath("$.pauseReason", is("CREDENTIALS_INVALID")));
    }

    @Test
    void resumingAnIntegrationStoppedForQualityAssuranceIsAConflictSyncwatchResolves() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        IntegrationSnapshot s = integrationOf(account, "Support");
        operations.holdForQualityAssurance(s.id(), "The first run could not reach the source");
        String key = accounts.apiKey(account);

        mvc.perform(post("/api/v1/integrations/" + s.id() + "/resume").header("Authorization", "Bearer " + key))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title", is("Held for quality assurance")))
                .andExpect(jsonPath("$.type", is("https://syncwatch.io/problems/quality-assurance-hold")))
                .andExpect(jsonPath("$.detail", is("Stopped for quality assurance: our engineering team has been "
                        + "notified, and we will contact you once we have resolved the issue and re-enabled this integration")))
                .andExpect(jsonPath("$.pauseReason", is("QUALITY_ASSURANCE")));
        mvc.perform(post("/api/v1/integrations/" + s.id() + "/pause").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pauseReason", is("QUALITY_ASSURANCE")));
        mvc.perform(get("/api/v1/integrations/" + s.id()).header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lifecycle", is("PAUSED")))
                .andExpect(jsonPath("$.pauseReason", is("QUALITY_ASSURANCE")));
    }

    @Test
    void anotherAccountsIntegrationIsNotFoundAndBadInputIsAProblemDetail() throws Exception {
        IntegrationSnapshot theirs = integrationOf(accounts.create(FeatureFlag.INTEGRATIONS), "Theirs");
        String myKey = accounts.apiKey(accounts.create(FeatureFlag.INTEGRATIONS));

        mvc.perform(get("/api/v1/integrations/" + theirs.id()).header("Authorization", "Bearer " + myKey))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail", is("Integration not found")));
        mvc.perform(post("/api/v1/integrations/" + theirs.id() + "/pause").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/integrations/99999999").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/integrations/abc").header("Authorization", "Bearer " + myKey))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.id", is("must be a number")));
    }

    @Test
    void withoutAValidKeyTheAnswerIs401AndWithoutTheFeatureFlag403() throws Exception {
        mvc.perform(get("/api/v1/integrations")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/integrations").header("Authorization", "Bearer sw_not_a_key"))
                .andExpect(status().isUnauthorized());
        String keyWithoutFlag = accounts.apiKey(accounts.create(FeatureFlag.AGENT_CONNECT));
        mvc.perform(get("/api/v1/integrations").header("Authorization", "Bearer " + keyWithoutFlag))
                .andExpect(status().isForbidden());
    }

    @Autowired
    io.syncwatch.platform.application.port.in.AccountAdministration administration;

    @Test
    void aRevokedKeyIsRefusedAt401FromItsNextCall() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        var created = administration.createApiKey(account.id(), "CI pipeline");
        mvc.perform(get("/api/v1/integrations").header("Authorization", "Bearer " + created.clearValue()))
                .andExpect(status().isOk());

        administration.revokeApiKey(account.id(), created.key().id());

        mvc.perform(get("/api/v1/integrations").header("Authorization", "Bearer " + created.clearValue()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/integrations/states").header("X-API-Key", created.clearValue()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDocumentDeclaresTheApiKeySchemeTheIntegrationAndStatesApisRequire() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.type", is("http")))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme", is("bearer")))
                .andExpect(jsonPath("$.paths['/api/v1/integrations'].get.security[0].apiKey").exists())
                .andExpect(jsonPath("$.paths['/api/v1/integrations/states'].get.security[0].apiKey").exists())
                .andExpect(jsonPath("$.paths['/api/v1/integrations/{id}/pause'].post").exists());
    }
}
