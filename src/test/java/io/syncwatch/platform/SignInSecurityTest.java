package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.syncwatch.platform.application.port.in.AccountAdministration;
import io.syncwatch.platform.application.port.in.OwnAccount;
import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.domain.SignInEvent;
import io.syncwatch.platform.domain.User;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * Form sign-in through {@code POST /login} as the login page sends it: CSRF token required,
 * non-revealing failures, lock-out after 5 failures that refuses even the right password and that
 * refused attempts cannot extend, the per-address budget, what the account admin sees, unlock,
 * wrong current passwords on Account › Password, housekeeping and API key checks. Each test
 * signs in from its own client address, so budgets never mix.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestAccounts.class, SignedIn.class })
class SignInSecurityTest {

    static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignInThrottling throttling;

    @Autowired
    AccountAdministration administration;

    @Autowired
    OwnAccount own;

    @Autowired
    JdbcTemplate jdbc;

    /** A client address of its own (TEST-NET-3), so each test starts with a full per-address budget. */
    static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    @Test
    void theRightPasswordSignsIn() throws Exception {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.MANAGE_INTEGRATIONS);

        MvcResult result = signIn(email, TestAccounts.PASSWORD, freshAddress());

        // (the session id changing at sign-in is checked in a real browser by ConsoleJourneyTest)
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        assertThat(result.getRequest().getSession().getAttribute("SPRING_SECURITY_CONTEXT")).isNotNull();
    }

    @Test
    void theLoginFormNeedsItsCsrfToken_loginCsrfIsRefused() throws Exception {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.MANAGE_INTEGRATIONS);

        MvcResult forged = mvc.perform(post("/login").param("username", email).param("password", TestAccounts.PASSWORD)
                .with(from(freshAddress()))).andExpect(status().isForbidden()).andReturn();

        assertThat(forged.getRequest().getSession(false) == null
                || forged.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
    }

    @Test
    void anUnknownUserAWrongPasswordAndALockedUserGetTheSameAnswer() throws Exception {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.MANAGE_INTEGRATIONS);
        String address = freshAddress();

        String wrongPassword = signIn(email, "not-the-password", address).getResponse().getRedirectedUrl();
        String unknownUser = signIn("nobody-" + email, "not-the-password", address).getResponse().getRedirectedUrl();
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong-" + i, address);
        }
        String locked = signIn(email, TestAccounts.PASSWORD, address).getResponse().getRedirectedUrl();

        assertThat(wrongPassword).isEqualTo("/login?error").isEqualTo(unknownUser).isEqualTo(locked);
    }

    @Test
    void fiveFailuresLockTheLoginEvenAgainstTheRightPassword_andRefusedAttemptsDoNotExtendTheLock() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        User user = user(account, email);
        String address = freshAddress();
        for (int i = 0; i < 4; i++) {
            signIn(email, "wrong-" + i, address);
        }
        assertThat(throttling.lockedFor(account.id(), user.id())).as("4 failures do not lock").isEmpty();

        signIn(email, "wrong-4", address);
        Duration lockedAtFirst = throttling.lockedFor(account.id(), user.id()).orElseThrow();
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(email, i % 2 == 0 ? TestAccounts.PASSWORD : "wrong", freshAddress()).getResponse()
                    .getRedirectedUrl()).isEqualTo("/login?error");
        }
        Duration lockedAfterHammering = throttling.lockedFor(account.id(), user.id()).orElseThrow();

        assertThat(lockedAtFirst).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(lockedAfterHammering).as("refused attempts do not extend the lock").isLessThanOrEqualTo(lockedAtFirst);
        assertThat(results(account, email)).as("newest first").startsWith(SignInEvent.Result.LOCKED)
                .containsSubsequence(SignInEvent.Result.LOCKED, SignInEvent.Result.FAILED)
                .filteredOn(SignInEvent.Result.FAILED::equals).hasSize(5);
    }

    @Test
    void anAccountAdminSeesTheAttemptsAndUnlocksTheUser() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        User user = user(account, email);
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong-" + i, address);
        }
        assertThat(signIn(email, TestAccounts.PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        throttling.unlock(account.id(), user.id());

        assertThat(throttling.lockedFor(account.id(), user.id())).isEmpty();
        assertThat(signIn(email, TestAccounts.PASSWORD, address).getResponse().getRedirectedUrl()).doesNotContain("error");
        List<SignInEvent> events = throttling.recentSignIns(account.id());
        assertThat(events.getFirst().result()).isEqualTo(SignInEvent.Result.SUCCEEDED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.login()).isEqualTo(email);
            assertThat(e.ip()).isEqualTo(address);
            assertThat(e.userId()).isEqualTo(user.id());
        });
        assertThat(events).extracting(SignInEvent::result).containsSubsequence(SignInEvent.Result.SUCCEEDED,
                SignInEvent.Result.LOCKED, SignInEvent.Result.FAILED);
    }

    @Test
    void oneAddressSprayingManyLoginsRunsOutOfItsBudget() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String victim = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        List<String> sprayed = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sprayed.add(accounts.user(account, Permission.VIEW_IMPORTED_CONTACTS));
        }
        String sprayer = freshAddress();
        int attempts = 0;
        // one guess per login (never enough to lock one) until the address's per-minute budget (20) is used up
        while (!throttling.recentSignIns(account.id()).stream().map(SignInEvent::result).toList()
                .contains(SignInEvent.Result.THROTTLED)) {
            assertThat(attempts).as("the address is stopped within its budget plus what refills meanwhile").isLessThan(40);
            signIn(sprayed.get(attempts++), "Winter2026!", sprayer);
        }

        String refused = signIn(victim, TestAccounts.PASSWORD, sprayer).getResponse().getRedirectedUrl();
        String elsewhere = signIn(victim, TestAccounts.PASSWORD, freshAddress()).getResponse().getRedirectedUrl();

        assertThat(attempts).isGreaterThan(20);
        assertThat(refused).as("the sprayer's address is out of attempts, even with the right password")
                .isEqualTo("/login?error");
        assertThat(elsewhere).as("the user from another address is not affected").doesNotContain("error");
        assertThat(results(account, victim)).containsExactly(SignInEvent.Result.SUCCEEDED, SignInEvent.Result.THROTTLED);
        assertThat(throttling.recentSignIns(account.id())).filteredOn(e -> e.result() == SignInEvent.Result.FAILED)
                .extracting(SignInEvent::login).doesNotHaveDuplicates();
    }

    @Test
    void wrongCurrentPasswordsOnAccountPasswordCountLikeFailedSignIns() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        User user = user(account, email);
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            String guess = "guess-" + i;
            assertThatThrownBy(() -> own.changePassword(account.id(), user.id(), guess, "a fresh passphrase", address))
                    .isInstanceOf(io.syncwatch.platform.PlatformRefusal.InvalidAccountInput.class).hasMessage("The current password is not right");
        }

        assertThatThrownBy(() -> own.changePassword(account.id(), user.id(), TestAccounts.PASSWORD, "a fresh passphrase",
                address)).as("the right current password after 5 wrong ones is not even checked")
                .isInstanceOf(io.syncwatch.platform.PlatformRefusal.InvalidAccountInput.class).hasMessageStartingWith("The current password was wrong too often");
        assertThat(throttling.lockedFor(account.id(), user.id())).isPresent();
        assertThat(signIn(email, TestAccounts.PASSWORD, freshAddress()).getResponse().getRedirectedUrl())
                .as("the login form is locked too").isEqualTo("/login?error");
        assertThat(results(account, email)).startsWith(SignInEvent.Result.LOCKED, SignInEvent.Result.LOCKED)
                .filteredOn(SignInEvent.Result.WRONG_CURRENT::equals).hasSize(5);

        throttling.unlock(account.id(), user.id());
        own.changePassword(account.id(), user.id(), TestAccounts.PASSWORD, "a fresh passphrase", address);

        assertThat(signIn(email, "a fresh passphrase", freshAddress()).getResponse().getRedirectedUrl()).doesNotContain("error");
    }

    @Test
    void housekeepingForgetsSignInsAfter90DaysAndBudgetsOnceFullAgain() {
        TestAccount account = accounts.createWithAllFeatures();
        Instant now = Instant.now();
        String budget = "login:housekeeping-" + account.id().value();
        jdbc.update("INSERT INTO sign_in_event (account_id, login, ip, result, occurred_at) VALUES (?, 'old', '192.0.2.1', "
                + "'FAILED', ?), (?, 'recent', '192.0.2.1', 'FAILED', ?)", account.id().value(),
                Timestamp.from(now.minus(Duration.ofDays(91))), account.id().value(), Timestamp.from(now.minus(Duration.ofDays(89))));
        jdbc.update("INSERT INTO sign_in_budget (id, state, updated_at) VALUES (?, ?, ?), (?, ?, ?)", budget + "-old",
                new byte[] { 1 }, Timestamp.from(now.minus(Duration.ofDays(2))), budget + "-recent", new byte[] { 1 },
                Timestamp.from(now.minus(Duration.ofHours(1))));

        throttling.forgetExpired(100_000); // (the hourly job may have taken them first: only what is left counts)

        assertThat(jdbc.queryForList("SELECT login FROM sign_in_event WHERE account_id = ?", String.class, account.id().value()))
                .containsExactly("recent");
        assertThat(jdbc.queryForList("SELECT id FROM sign_in_budget WHERE id LIKE ?", String.class, budget + "%"))
                .containsExactly(budget + "-recent");
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

    private User user(TestAccount account, String email) {
        return administration.users(account.id()).stream().filter(u -> u.email().equals(email)).findFirst().orElseThrow();
    }

    private List<SignInEvent.Result> results(TestAccount account, String email) {
        return throttling.recentSignIns(account.id()).stream().filter(e -> e.login().equals(email))
                .map(SignInEvent::result).toList();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login").session(new MockHttpSession()).param("username", email).param("password", password)
                .with(csrf()).with(from(address))).andExpect(status().is3xxRedirection()).andReturn();
    }
}
