package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Page;

import io.syncwatch.platform.application.port.in.SignInThrottling;
import io.syncwatch.platform.domain.SignInEvent;
import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * The sign-in as an attacker and a user meet it over real HTTP (issue 16.1, 16.6, 16.7, 22.6):
 * 50 concurrent wrong passwords through the login form, then the right one, do not sign in; in
 * Chromium the console works under its Content-Security-Policy (no violation, no console error)
 * and a user changes their password on Account › Password; over HTTPS (as behind the load
 * balancer) HSTS and a {@code Secure} session cookie, over plain HTTP neither.
 */
class SignInOverHttpTest extends BrowserTest {

    static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    @Autowired
    SignInThrottling throttling;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record LoginPage(String session, String token) {
    }

    @Test
    void fiftyConcurrentWrongPasswordsThenTheRightOneDoNotSignIn() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        LoginPage page = openLoginPage();
        var start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String password = "wrong-" + i;
                Callable<String> attempt = () -> {
                    start.await();
                    return postLogin(page, email, password);
                };
                answers.add(pool.submit(attempt));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).endsWith("/login?error");
            }
        }

        String rightPassword = postLogin(openLoginPage(), email, TestAccounts.PASSWORD);

        assertThat(rightPassword).as("the right password after the race is refused").endsWith("/login?error");
        Map<String, Integer> all = new HashMap<>();
        jdbc.query("SELECT result, COUNT(*) FROM sign_in_event WHERE login = ? GROUP BY result",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> all.put(rs.getString(1), rs.getInt(2)), email);
        assertThat(all).as("of the 51 attempts exactly 5 passwords were checked; every other one was refused unchecked")
                .containsOnly(Map.entry("FAILED", 5), Map.entry("LOCKED", 46));
        List<SignInEvent.Result> shown = throttling.recentSignIns(account.id()).stream().map(SignInEvent::result).toList();
        assertThat(shown).as("the admin sees the latest 50, newest first: the right password was refused unchecked")
                .hasSize(50).first().isEqualTo(SignInEvent.Result.LOCKED);
    }

    @Test
    void theConsoleRunsUnderItsContentSecurityPolicy_andAUserChangesTheirPassword() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.values());
        String base = base();
        Page page = browser.page();
        page.addInitScript("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                + "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(login.headers().map()).containsKeys("referrer-policy", "permissions-policy", "x-content-type-options");
        browser.signIn(base, email, TestAccounts.PASSWORD);
        page.locator("vaadin-side-nav").waitFor();
        for (String path : List.of("conversations/integrations/platforms", "account/users", "account/password")) {
            page.navigate(base + "/" + path);
            page.locator("h1").first().waitFor();
            assertThat(violations(page)).as(path).isEmpty();
        }

        page.locator("#current-password input").fill(TestAccounts.PASSWORD);
        page.locator("#new-password input").fill("password1");
        page.locator("#repeat-password input").fill("password1");
        page.locator("#change-password").click();
        page.locator("vaadin-password-field#new-password[invalid]").waitFor();
        assertThat((String) page.locator("#new-password").evaluate("e => e.errorMessage")).contains("most common");
        page.locator("#new-password input").fill("a tarn by the old mill");
        page.locator("#repeat-password input").fill("a tarn by the old mill");
        page.locator("#change-password").click();
        page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Password changed")).waitFor();

        assertThat(violations(page)).as("no Content-Security-Policy violation").isEmpty();
        assertThat(browser.errors()).as("no console errors").isEmpty();
        LoginPage fresh = openLoginPage();
        assertThat(postLogin(fresh, email, TestAccounts.PASSWORD)).as("the old password is gone").endsWith("/login?error");
        assertThat(postLogin(openLoginPage(), email, "a tarn by the old mill")).doesNotContain("error");
    }

    @Test
    void overHttpsTheConsoleSendsHstsAndASecureSessionCookie_overPlainHttpNeither() throws Exception {
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        // as behind the load balancer that ends TLS (Tomcat trusts X-Forwarded-* from internal addresses only)
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(plain)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        assertThat(sessionCookie(proxied)).contains("HttpOnly", "SameSite=Lax", "Secure");
        for (HttpResponse<String> login : List.of(plain, proxied)) {
            assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(Page page) {
        return (List<String>) page.evaluate("() => window.__csp || []");
    }

    private LoginPage openLoginPage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        Matcher session = SESSION.matcher(String.join(";", response.headers().allValues("Set-Cookie")));
        assertThat(token.find()).as("the login page carries the CSRF token").isTrue();
        assertThat(session.find()).isTrue();
        return new LoginPage(session.group(1), token.group(1));
    }

    /** Posts the login form as the page does; returns where it redirects. */
    private String postLogin(LoginPage page, String email, String password) throws Exception {
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(page.token());
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + page.session())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
