package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.syncwatch.SyncwatchApplication;
import io.syncwatch.alerts.application.port.in.WebhookAdministration;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.IntegrationProjection;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * Issue 15.3: two application contexts of the app on one database, sharing the kernel's scheduler
 * table as two instances would, each with its scheduler, event listeners, event publication
 * registry (and its periodic resubmission), webhook dispatch and SMTP to one GreenMail server, on
 * the real clock. The weekly digest is mailed once per slot however often and wherever the slot
 * fires; one state change gives one alert mail and one webhook delivery; each due import run
 * executes exactly once across both, and a run of an instance that stops is resumed by the other
 * from its checkpoint, as the same run (that test stops an instance: it runs last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @RegisterExtension
    static WireMockExtension receiver = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort()).build();

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        for (var context : List.of(first, second)) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(SyncwatchApplication.class, InstanceFixtures.class, TestAccounts.class,
                SignedIn.class)
                .profiles("test")
                // as arguments: they must win over application.properties (server.port=${PORT:8080})
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--syncwatch.scheduling.private-table=false", "--syncwatch.scheduling.table=scheduled_tasks",
                        "--syncwatch.scheduling.polling-interval=300ms", "--syncwatch.scheduling.heartbeat-interval=1s",
                        "--syncwatch.scheduling.missed-heartbeats-limit=4", "--syncwatch.scheduling.shutdown-max-wait=10s",
                        "--syncwatch.imports.scheduler.enabled=true", "--syncwatch.imports.scheduler.check-every=300ms",
                        "--syncwatch.imports.page-size=10", "--syncwatch.imports.retry.backoff=0s",
                        // alerts as in production, faster: webhook dispatch every 300 ms, SMTP to GreenMail,
                        // incomplete event publications resubmitted (after production's minute) by a job every second
                        "--syncwatch.alerts.dispatch-interval=300ms", "--syncwatch.alerts.allow-loopback=true",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--syncwatch.events.resubmission.enabled=true", "--syncwatch.events.resubmit-every=1s");
    }

    /**
     * What {@link ImportsFixtures} gives, without its frozen clock: two instances run on the real
     * clock (the digest's slot, due runs and webhooks are all computed from it).
     */
    static class InstanceFixtures {

        @Bean
        @Primary
        FakeIntegrations fakeIntegrations(@org.springframework.context.annotation.Lazy IntegrationProjection projection) {
            return new FakeIntegrations(projection);
        }

        @Bean
        ScriptedConnector scriptedConnector() {
            return new ScriptedConnector();
        }

        @Bean
        RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }

    /** Connects an integration through the first instance; both instances know its source. */
    static IntegrationSnapshot connect(AccountId account, Script script) {
        var integration = first.getBean(FakeIntegrations.class).connect(account, ScriptedConnector.KEY,
                ImportFilters.none(), script.credentials());
        second.getBean(FakeIntegrations.class).know(integration, script.credentials());
        second.getBean(ScriptedConnector.class).share(script);
        return integration;
    }

    static Script script(String prefix, int conversations, long delayMillis) {
        Script script = first.getBean(ScriptedConnector.class).newScript();
        for (int i = 0; i < conversations; i++) {
            script.add(conversation(prefix + i, "chat", "closed", Instant.now().minusSeconds(3600 - i)));
        }
        script.delayMillis = delayMillis;
        return script;
    }

    static List<RunSummary> runs(AccountId account, IntegrationSnapshot integration) {
        return first.getBean(ImportHistory.class).runs(account, integration.id(), 0, 100);
    }

    static long finishedEvents(IntegrationSnapshot integration) {
        return first.getBean(RecordedEvents.class).of(ImportRunFinished.class, integration.id()).size()
                + second.getBean(RecordedEvents.class).of(ImportRunFinished.class, integration.id()).size();
    }

    static void onlyTheseAreDue(List<IntegrationSnapshot> integrations) {
        // integrations left by other tests on this database wait: this test watches its own
        var jdbc = first.getBean(JdbcTemplate.class);
        String ids = String.join(",", integrations.stream().map(i -> i.id().toString()).toList());
        jdbc.update("UPDATE import_integration SET next_run_at = ? WHERE id NOT IN (" + ids + ")",
                Timestamp.from(Instant.now().plus(Duration.ofDays(3650))));
    }

    // ---- the weekly digest ------------------------------------------------------------------------------

    static final TaskInstanceId DIGEST = TaskInstanceId.of("weekly-health-digest", RecurringTask.INSTANCE);

    /**
     * Fires the weekly digest's one execution now (as its Monday 07:00 would), on whichever of the
     * running instances picks it, and waits until that execution is done: no longer picked and
     * scheduled for its next Monday 07:00 again (the stored times have whole seconds on MariaDB, so
     * "last success after the firing" would miss an execution within the firing's second).
     */
    static void fireDigest() {
        Scheduler scheduler = first.getBean(Scheduler.class);
        Instant fired = Instant.now();
        scheduler.reschedule(DIGEST, fired);
        await().atMost(Duration.ofSeconds(60)).until(() -> scheduler.getScheduledExecution(DIGEST)
                .filter(e -> !e.isPicked() && e.getExecutionTime().isAfter(fired.plus(Duration.ofMinutes(1))))
                .isPresent());
    }

    static List<String> digestsTo(String address) {
        return mailsTo(address).stream().filter("[Syncwatch] Weekly health digest"::equals).toList();
    }

    /** Subjects of the mails in one address's GreenMail inbox, each message once. */
    static List<String> mailsTo(String address) {
        Map<String, String> subjects = new LinkedHashMap<>();
        for (MimeMessage m : smtp.getReceivedMessagesForDomain(address)) {
            try {
                subjects.putIfAbsent(m.getMessageID(), m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(subjects.values());
    }

    @Test
    @Order(1)
    void theWeeklyDigestIsMailedOncePerSlotWhereverAndHoweverOftenTheSlotFires() {
        TestAccounts accounts = first.getBean(TestAccounts.class);
        TestAccount account = accounts.createWithAllFeatures();
        String admin = accounts.user(account, Permission.ACCOUNT_ADMIN);
        String manager = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        // the account has an integration the digest reports on: its first run made it Active
        IntegrationSnapshot integration = connect(account.id(), script("W-", 3, 0));
        onlyTheseAreDue(List.of(integration));
        await().atMost(Duration.ofSeconds(60)).until(() -> first.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM health_digest_integration WHERE account_id = ?", Long.class,
                account.id().value()) == 1);

        fireDigest(); // both instances running: one of them executes this slot

        assertThat(digestsTo(admin)).as("the admin's digest").hasSize(1);
        assertThat(digestsTo(manager)).as("the integration manager's digest").hasSize(1);

        // the same slot fires again, once on each instance (the other paused): nothing more is mailed
        for (var executing : List.of(second, first)) {
            var paused = executing == first ? second : first;
            paused.getBean(Scheduler.class).pause();
            try {
                fireDigest();
            } finally {
                paused.getBean(Scheduler.class).resume();
            }
        }

        assertThat(digestsTo(admin)).as("one digest per slot for the admin").hasSize(1);
        assertThat(digestsTo(manager)).as("one digest per slot for the manager").hasSize(1);
    }

    // ---- one state change: one alert mail, one webhook delivery ------------------------------------------

    static List<LoggedRequest> stateChangesPosted(IntegrationSnapshot integration, String newState) {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hooks/syncwatch"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("integration.state_changed")))
                .withRequestBody(matchingJsonPath("$.integration.id", equalTo(integration.id().toString())))
                .withRequestBody(matchingJsonPath("$.newState.detailed", equalTo(newState))));
    }

    static long incompletePublicationsAbout(IntegrationSnapshot integration) {
        return first.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND SERIALIZED_EVENT LIKE ?",
                Long.class, "%" + integration.id() + "%");
    }

    static Instant lastSuccess(String recurringTask) {
        return first.getBean(Scheduler.class)
                .getScheduledExecution(TaskInstanceId.of(recurringTask, RecurringTask.INSTANCE))
                .map(e -> e.getLastSuccess()).orElse(Instant.EPOCH);
    }

    /**
     * Waits until a duplicate could no longer be missed: no publication of the integration's events
     * is incomplete (so neither the periodic resubmission nor a restart can hand one to a listener
     * again), the resubmission job has run once more after that, and the webhook dispatch job has
     * completed twice more (the second of those started after the first had recorded every delivery).
     */
    static void untilADuplicateWouldHaveShown(IntegrationSnapshot integration) {
        await().atMost(Duration.ofSeconds(30)).until(() -> incompletePublicationsAbout(integration) == 0);
        Instant settled = Instant.now();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lastSuccess("resubmit-incomplete-event-publications").isAfter(settled));
        Instant dispatched = await().atMost(Duration.ofSeconds(30))
                .until(() -> lastSuccess("webhook-dispatch"), done -> done.isAfter(settled));
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSuccess("webhook-dispatch").isAfter(dispatched));
    }

    @Test
    @Order(2)
    void oneStateChangeGivesOneAlertMailAndOneWebhookDelivery() {
        receiver.stubFor(post("/hooks/syncwatch").willReturn(aResponse().withStatus(204)));
        TestAccounts accounts = first.getBean(TestAccounts.class);
        TestAccount account = accounts.createWithAllFeatures();
        String admin = accounts.user(account, Permission.ACCOUNT_ADMIN, Permission.MANAGE_INTEGRATIONS);
        SignedIn signedIn = first.getBean(SignedIn.class);
        signedIn.as(admin);
        try {
            first.getBean(WebhookAdministration.class).register(receiver.baseUrl() + "/hooks/syncwatch",
                    "state changes", EnumSet.of(WebhookEventType.STATE_CHANGED));
        } finally {
            signedIn.signOut();
        }

        // the first run succeeds (Waiting for first run -> Active, no mail), the next one fails (-> Sync failing)
        Script script = script("A-", 3, 0);
        for (int call = 2; call <= 10; call++) {
            script.failOnCall.put(call, SourceFailure.unreachable("HTTP 503 from the source", null));
        }
        IntegrationSnapshot integration = connect(account.id(), script);
        onlyTheseAreDue(List.of(integration));
        await().atMost(Duration.ofSeconds(60)).until(() -> stateChangesPosted(integration, "Active").size() == 1);
        first.getBean(JdbcTemplate.class).update("UPDATE import_integration SET next_run_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), integration.id().value());

        String subject = "[Syncwatch] " + integration.name() + " (" + integration.platform() + "): Sync failing";
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(admin).contains(subject)
                && stateChangesPosted(integration, "Sync failing").size() == 1);
        untilADuplicateWouldHaveShown(integration);

        assertThat(runs(account.id(), integration)).extracting(RunSummary::outcome)
                .containsExactly(RunOutcome.FAILED, RunOutcome.SUCCEEDED);
        assertThat(mailsTo(admin)).as("alert mails").containsExactly(subject);
        assertThat(stateChangesPosted(integration, "Sync failing")).as("webhook posts of the change").hasSize(1);
        assertThat(stateChangesPosted(integration, "Active")).as("webhook posts of the first run's change").hasSize(1);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/syncwatch"))
                .withRequestBody(matchingJsonPath("$.integration.id", equalTo(integration.id().toString())))))
                .as("all webhook posts about the integration").hasSize(2);
    }

    // ---- import runs ---------------------------------------------------------------------------------------

    @Test
    @Order(3)
    void eachDueRunExecutesOnceAcrossBothAndAStoppedInstancesRunIsResumedByTheOther() {
        AccountId account = first.getBean(TestAccounts.class).createWithAllFeatures().id();
        first.getBean(JdbcTemplate.class).update("DELETE FROM scheduled_tasks WHERE task_name = 'import-integration'");

        // 1. six integrations due at once, three pages each: each is imported by exactly one run, never twice at once
        List<Script> scripts = new ArrayList<>();
        List<IntegrationSnapshot> due = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Script script = script("D" + i + "-", 30, 100);
            scripts.add(script);
            due.add(connect(account, script));
        }
        onlyTheseAreDue(due);
        await().atMost(Duration.ofSeconds(60)).until(() -> due.stream().allMatch(
                i -> runs(account, i).size() == 1 && !runs(account, i).getFirst().unfinished()));
        // both instances keep checking for due integrations a little longer: none is due again (hourly)
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        for (int i = 0; i < due.size(); i++) {
            assertThat(runs(account, due.get(i))).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
                assertThat(run.counts()).isEqualTo(new ImportCounts(30, 30, 0, 0, 0, 0));
            });
            assertThat(scripts.get(i).maxRunning.get()).as("never run twice at once").isEqualTo(1);
            assertThat(finishedEvents(due.get(i))).as("ImportRunFinished published once").isEqualTo(1);
        }

        // 2. a long run: the instance running it stops; the other resumes it from its checkpoint, as the same run
        Script slow = script("S-", 80, 300);
        IntegrationSnapshot integration = connect(account, slow);
        onlyTheseAreDue(List.of(integration));
        await().atMost(Duration.ofSeconds(30)).until(() -> !runs(account, integration).isEmpty()
                && runs(account, integration).getFirst().counts().fetched() >= 20);
        ConfigurableApplicationContext stopping = executes(first, integration) ? first : second;
        assertThat(executes(stopping, integration)).isTrue();
        ConfigurableApplicationContext surviving = stopping == first ? second : first;
        stopping.close();

        RunSummary interrupted = surviving.getBean(ImportHistory.class).runs(account, integration.id(), 0, 10).getFirst();
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            var run = surviving.getBean(ImportHistory.class).runs(account, integration.id(), 0, 10);
            return run.size() == 1 && run.getFirst().outcome() != null;
        });
        RunSummary done = surviving.getBean(ImportHistory.class).runs(account, integration.id(), 0, 10).getFirst();
        assertThat(done.id()).isEqualTo(interrupted.id());
        assertThat(done.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(80, 80, 0, 0, 0, 0));
        assertThat(surviving.getBean(ImportHistory.class).logLines(account, done.id())).extracting(l -> l.message())
                .anySatisfy(m -> assertThat(m).startsWith("Interrupted — resuming from checkpoint"))
                .contains("Resumed from the last saved checkpoint after an interruption");
        assertThat(surviving.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) - COUNT(DISTINCT source_reference) FROM import_contact WHERE integration_id = ?",
                Long.class, integration.id().value())).isZero();
        assertThat(surviving.getBean(RecordedEvents.class).of(ImportRunFinished.class, integration.id()))
                .singleElement().satisfies(e -> assertThat(e.counts().imported()).isEqualTo(80));
    }

    static boolean executes(ConfigurableApplicationContext context, IntegrationSnapshot integration) {
        return context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).getCurrentlyExecuting().stream()
                .anyMatch(e -> e.getTaskInstance().getId().equals(integration.id().toString()));
    }
}
