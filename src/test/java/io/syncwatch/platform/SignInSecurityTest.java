package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.syncwatch.platform.domain.User;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** Form sign-in, lock-out, non-revealing failures, session fixation and API key checks. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class })
class SignInSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void theRightPasswordSignsIn() throws Exception {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.MANAGE_INTEGRATIONS);

        MvcResult result = signIn(email, TestAccounts.PASSWORD, new MockHttpSession());

        // (the session id changing at sign-in is checked in a real browser by ConsoleJourneyTest)
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(result.getRequest().getSession().getAttribute("SPRING_SECURITY_CONTEXT")).isNotNull();
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws Exception {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.MANAGE_INTEGRATIONS);

        String wrongPassword = signIn(email, "not-the-password", new MockHttpSession()).getResponse().getRedirectedUrl();
        String unknownUser = signIn("nobody-" + email, "not-the-password", new MockHttpSession()).getResponse()
                .getRedirectedUrl();

        assertThat(wrongPassword).isEqualTo("/login?error").isEqualTo(unknownUser);
    }

    @Test
    void repeatedFailuresLockTheUserEvenAgainstTheRightPassword() throws Exception {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.MANAGE_INTEGRATIONS);
        for (int i = 0; i < User.MAX_FAILED_ATTEMPTS; i++) {
            signIn(email, "wrong-" + i, new MockHttpSession());
        }

        String redirect = signIn(email, TestAccounts.PASSWORD, new MockHttpSession()).getResponse().getRedirectedUrl();

        assertThat(redirect).isEqualTo("/login?error");
    }

    @Test
    void theRestApiNeedsAValidAccountApiKey() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String key = accounts.apiKey(account);

        mvc.perform(get("/api/v1/account")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer sw_unknown"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/account").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(account.name()));
    }

    private MvcResult signIn(String email, String password, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("username", email).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    }
}
