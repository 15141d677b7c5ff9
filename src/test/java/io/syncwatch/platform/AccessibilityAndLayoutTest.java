package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;

/**
 * In real Chromium, one browser and one page for the whole walk (issue 18): every routed page is
 * audited once with axe-core (no critical or serious violation), nothing sticks out sideways at
 * 1440, 1280 or 390 px, the Platforms grid cuts no cell off at 1280 px and turns into cards below
 * 600 px with the status visible, and the keyboard reaches the Platforms tab's actions with a
 * visible focus. Screenshots of the main pages at each width go to {@code target/screenshots}.
 */
class AccessibilityAndLayoutTest extends BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<Integer> WIDTHS = List.of(1440, 1280, 390);
    /** WCAG 2.1 A and AA, the rules the audit is held to. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * Light-DOM elements whose right edge passes the window (the app layout scrolls inside, so the
     * page's own width says little). Grid cells and tabs are left out: a grid and a tab bar scroll
     * inside themselves; the grids that must not (Platforms at 1280 px, both grids at 390 px) are
     * checked on their own.
     */
    static final String OVERFLOW = """
            () => [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect();
                const s = getComputedStyle(e);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.right > window.innerWidth + 1
                    && !e.closest('vaadin-app-layout > [slot=drawer]') && !e.closest('vaadin-tooltip')
                    && e.localName !== 'vaadin-grid-cell-content' && !e.closest('vaadin-grid-cell-content')
                    && !e.closest('vaadin-tabs');
            }).slice(0, 8).map(e => e.localName + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || '').trim().slice(0, 40)
                + '" right=' + Math.round(e.getBoundingClientRect().right))""";

    /** Cells of a grid whose text is cut off. */
    static final String CLIPPED_CELLS = """
            id => [...document.querySelectorAll('#' + id + ' vaadin-grid-cell-content')]
                .filter(c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
                .map(c => (c.textContent || '').trim().slice(0, 40))""";

    /**
     * Findings in Vaadin's own shadow-DOM markup, each by rule and element, explained in decision
     * 0015 (the same rule on our markup still fails): the side navigation's expand button and the
     * tab list's slotted children.
     */
    static final Map<String, String> VAADIN_INTERNAL = Map.of(
            "aria-valid-attr-value", "vaadin-side-nav-item",
            "aria-required-children", "vaadin-tabs");

    static boolean vaadinInternal(String rule, String target) {
        String element = VAADIN_INTERNAL.get(rule);
        return element != null && target.contains(element);
    }

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    ManageCompany company;

    @Autowired
    ReceiveAgentRequests intake;

    @Test
    void everyPagePassesTheAuditAndFitsEveryWidth() throws Exception {
        var account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.values());
        signedIn.as(email);
        IntegrationSnapshot healthy = demo.active("Support inbox (EU)", "key-" + System.nanoTime());
        IntegrationSnapshot failing = demo.active("Legacy helpdesk with a rather long name", "key-" + System.nanoTime());
        IntegrationSnapshot paused = demo.active("Seasonal campaign", "key-" + System.nanoTime());
        integrations.pause(paused.id());
        demo.connect("New helpdesk", "key-" + System.nanoTime());
        signedIn.signOut();
        demo.runFinished(healthy, RunOutcome.SUCCEEDED, null, "Fetched 3, imported 3", true);
        demo.runFinished(failing, RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED,
                "The API token has been revoked at the source (HTTP 401 Unauthorized): reconnect with a new token", false);
        company.saveChannel(account.id(), "email", true, io.syncwatch.agentrequests.domain.ChannelMode.INTEGRATED);
        var key = intake.authenticate(company.createKey(account.id(), "Staging", KeyKind.TEST).clearValue()).orElseThrow();
        String requestId = null;
        for (int i = 0; i < 3; i++) {
            requestId = intake.receive(key, new AgentRequest("nobody" + i + "@acme.test", "Jo", "jo@example.com",
                    i == 0 ? "carrier-pigeon" : "email", null, null, "UIW-P-" + i), "{}").requestId();
        }

        String base = base();
        Page page = browser.page();
        Files.createDirectories(SCREENSHOTS);
        List<String> violations = new ArrayList<>();
        List<String> overflows = new ArrayList<>();

        // signed out: the sign-in page and a set-password link that is not (or no longer) valid
        page.setViewportSize(1440, 900);
        walk(page, base, "login", "login", violations, overflows);
        walk(page, base, "set-password/not-a-valid-link", "set-password", violations, overflows);

        browser.signIn(base, email, TestAccounts.PASSWORD);
        // every routed page, each with a screenshot name of its own (an integration's page is not the Platforms tab)
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("", "home");
        pages.put("conversations/integrations/platforms", "platforms");
        pages.put("conversations/integrations/platforms/" + failing.id().value(), "integration");
        pages.put("conversations/integrations/platforms/connect", "connect-integration");
        pages.put("conversations/integrations/platforms/deleted", "deleted-integrations");
        pages.put("conversations/integrations/contacts", "imported-contacts-and-filters");
        pages.put("conversations/integrations/digest", "digest");
        pages.put("agent-connect/integrations/api-status/invalid", "api-status-invalid");
        pages.put("agent-connect/integrations/api-status/test", "api-status-test");
        pages.put("agent-connect/integrations/api-status/request/" + requestId, "api-status-request");
        pages.put("agent-connect/company-info", "company-info");
        pages.put("account/users", "users");
        pages.put("account/api-keys", "api-keys");
        pages.put("account/password", "password");
        pages.put("account/features", "features");
        pages.put("account/webhooks", "webhooks");
        for (var target : pages.entrySet()) {
            walk(page, base, target.getKey(), target.getValue(), violations, overflows);
        }

        // keyboard: every stop on the main pages shows its focus; a grid, buttons, a tab and menu items are among them
        page.setViewportSize(1440, 900);
        open(page, base, "conversations/integrations/platforms");
        keyboardReaches(page, "/conversations/integrations/platforms", "logout", "health-connect-header", "health-search",
                "health-chip-error", "health-grid", "vaadin-side-nav-item", "vaadin-tab");
        open(page, base, "agent-connect/integrations/api-status/invalid");
        keyboardReaches(page, "/agent-connect/integrations/api-status/invalid", "vaadin-tab", "request-grid");
        open(page, base, "conversations/integrations/platforms/" + failing.id().value());
        keyboardReaches(page, "/conversations/integrations/platforms/" + failing.id().value(), "logout", "reconnect", "delete");

        // a user without Account Admin on an account page: the access-denied page, with navigation and Log out
        browser.context().clearCookies();
        browser.signIn(base, accounts.user(account, Permission.VIEW_IMPORTED_CONTACTS), TestAccounts.PASSWORD);
        walk(page, base, "account/users", "access-denied", violations, overflows);
        assertThat(page.locator("h2").first().innerText()).isEqualTo("You don't have access to this page");
        assertThat(page.locator("#logout").isVisible()).as("Log out on the access-denied page at 390 px").isTrue();

        assertThat(violations).as("critical and serious axe-core violations").isEmpty();
        assertThat(overflows).as("elements past the right edge of the window").isEmpty();
        assertThat(browser.errors()).as("browser console errors").isEmpty();
    }

    /**
     * One page: opened once at 1440 px and audited with axe, then resized to each width, where nothing may pass the
     * window's right edge (measured once the layout has settled) and a screenshot {@code <name>-<width>.png} is taken.
     */
    private static void walk(Page page, String base, String path, String name, List<String> violations,
            List<String> overflows) {
        long started = System.nanoTime();
        page.setViewportSize(1440, 900);
        open(page, base, path);
        for (Rule rule : new AxeBuilder(page).withTags(TAGS).analyze().getViolations()) {
            if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
                List<String> ours = rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .filter(node -> !vaadinInternal(rule.getId(), node)).toList();
                if (!ours.isEmpty()) {
                    violations.add("/" + path + ": " + rule.getId() + " (" + rule.getImpact() + ") "
                            + ours.stream().limit(3).toList());
                }
            }
        }
        for (int width : WIDTHS) {
            page.setViewportSize(width, width < 600 ? 844 : 900);
            if (path.equals("conversations/integrations/platforms")) {
                platformsAt(page, width);
            }
            if (path.equals("agent-connect/integrations/api-status/invalid")) {
                requestsAt(page, width);
            }
            settle(page);
            List<?> over = (List<?>) page.evaluate(OVERFLOW);
            if (!over.isEmpty()) {
                overflows.add(width + " px /" + path + ": " + over);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
        }
        System.out.printf("audited /%s in %d ms%n", path, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Waits until the layout is at rest after a resize: the app layout's navigation bar slides to its narrow
     * position in a CSS transition, and half-way through it Log out stood 31 px past the edge for a few frames.
     */
    private static void settle(Page page) {
        page.waitForFunction("""
                () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
                    done(document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')))))""");
    }

    private static void open(Page page, String base, String path) {
        page.navigate(base + "/" + path);
        page.waitForFunction("() => document.querySelector('h1, h2, vaadin-login-form') !== null"
                + " && !document.querySelector('vaadin-connection-indicator[loading]')");
    }

    /** At 1280 px every cell is whole; below 600 px the rows are cards that show the status. */
    private static void platformsAt(Page page, int width) {
        page.locator("#health-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Seasonal campaign")).first()
                .waitFor();
        if (width < 600) {
            page.locator("#health-grid .sw-platform-card").first().waitFor();
            String cards = page.locator("#health-grid").innerText();
            assertThat(cards).as("the cards show each status and its detail")
                    .contains("Legacy helpdesk", "revoked at the source", "Paused manually", "Last ran at");
        } else {
            page.waitForFunction("() => !document.querySelector('#health-grid .sw-platform-card')");
            assertThat((List<?>) page.evaluate(CLIPPED_CELLS, "health-grid")).as("cells cut off at %d px", width).isEmpty();
            assertThat(page.evaluate("() => { const g = document.querySelector('#health-grid');"
                    + " const t = g.shadowRoot.querySelector('#table'); return t.scrollWidth - t.clientWidth; }"))
                    .as("the grid scrolls sideways at %d px", width).isEqualTo(0);
        }
    }

    /** Below 600 px the requests are cards with the error written out; the table is back above. */
    private static void requestsAt(Page page, int width) {
        if (width < 600) {
            page.locator("#request-grid .sw-request-card").first().waitFor();
            assertThat(page.locator("#request-grid").innerText()).contains("Employee not found", "UIW-P-0");
        } else {
            page.waitForFunction("() => !document.querySelector('#request-grid .sw-request-card')");
        }
    }

    /**
     * The element that has the keyboard focus, followed into shadow roots, and whether its focus is drawn: an outline
     * or a box shadow on it, on its {@code ::before}/{@code ::after}, or (for a field, whose focus is on its inner
     * input) on the field's host or one of its shadow parts while the host carries Vaadin's {@code focus-ring}.
     */
    static final String FOCUSED = """
            () => { const chain = []; let e = document.activeElement;
              while (e) { chain.push(e); e = e.shadowRoot ? e.shadowRoot.activeElement : null; }
              if (!chain.length || chain[0] === document.body) return { id: '', visible: false, how: '' };
              const drawn = (x, pseudo) => { const s = getComputedStyle(x, pseudo);
                  if (s.visibility === 'hidden') return '';
                  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return 'outline';
                  return s.boxShadow && s.boxShadow !== 'none' && /[1-9]px/.test(s.boxShadow) ? 'box-shadow' : ''; };
              const candidates = [...chain];
              for (let x = chain[0]; x; x = x.parentElement) if (x.hasAttribute('focus-ring')) {
                  candidates.push(x); if (x.shadowRoot) candidates.push(...x.shadowRoot.querySelectorAll('[part]')); }
              let how = '';
              for (const x of candidates) for (const p of [null, '::before', '::after']) { const d = drawn(x, p); if (d && !how) how = x.localName + (p || '') + ' ' + d; }
              const host = chain[0].closest('[id]:not([id^=input-]):not([id^=vaadin-grid-cell])') || chain[0];
              const id = host.id || chain[0].localName;
              return { id: id, element: chain[0].localName, visible: !!how, how: how }; }""";

    /**
     * Tab from the top of the page: every stop shows its focus, and the expected stops (ids, or element names such as
     * {@code vaadin-tab} and {@code vaadin-side-nav-item}) are reached.
     */
    private static void keyboardReaches(Page page, String where, String... expected) {
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        List<String> reached = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < 60 && !reached.containsAll(List.of(expected)); i++) {
            page.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUSED);
            String id = String.valueOf(focused.get("id"));
            String element = String.valueOf(focused.get("element"));
            if (id.isEmpty()) {
                continue;
            }
            reached.add(id);
            reached.add(element);
            if (!Boolean.TRUE.equals(focused.get("visible"))) {
                invisible.add(id + " (" + element + ")");
            }
        }
        System.out.println("keyboard " + where + ": " + new java.util.LinkedHashSet<>(reached));
        assertThat(invisible).as("stops on %s with no visible focus", where).isEmpty();
        assertThat(reached).as("reached by Tab on %s", where).contains(expected);
    }
}
