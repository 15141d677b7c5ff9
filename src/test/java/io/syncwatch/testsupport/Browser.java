package io.syncwatch.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (never a downloaded browser), with every console
 * error and page error collected so that tests can fail on them.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final BrowserContext context;
    private final Page page;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1366, 860));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        page.onPageError(error -> errors.add(error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                errors.add(response.status() + " " + response.url());
            }
        });
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * Opens Debian's Chromium. Without it the calling test is skipped with a loud banner — unless
     * {@code REQUIRE_BROWSER=true} (as in CI), where a missing browser fails the build.
     */
    public static Browser open() {
        if (!available()) {
            String message = "Chromium not found at " + CHROMIUM + ": install it (apt-get install chromium) to run the "
                    + "browser tests";
            if ("true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + " (REQUIRE_BROWSER=true)");
            }
            System.err.println("\n" + "!".repeat(100) + "\n!! " + message + "; SKIPPED\n" + "!".repeat(100) + "\n");
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        return new Browser();
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    /** Console and page errors seen so far. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Signs in through the real login page. */
    public void signIn(String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(email);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
