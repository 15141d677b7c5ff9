package io.syncwatch.imports.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.connector.SimulatedSource.Conversation;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/**
 * The contract every HTTP source connector passes (its TCK), against WireMock: paging through
 * the history to the end, resuming from a stored checkpoint, a rate limit with the platform's
 * wait, 401/403 classified as authentication/permission, a timeout, a body trickling in past it
 * and a refused connection, a conversation updated at the source fetched again, an empty window,
 * a malformed record returned as broken, and one conversation by its reference.
 * <p>
 * A connector's test extends it and supplies only the platform: how to build the connector, its
 * credentials, and {@link #answer} — the platform's API over a {@link SimulatedSource} (its change
 * feed with its own paging and checkpoint, one record, the connection test's endpoint) — plus its
 * error answers and the exact messages an admin reads. It may add its own tests (literal answers
 * from the platform's API reference, its mapping of fields) with stubs on {@link #server}, which
 * win over the simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorContractTest {

    /** The integration's historical start date: the first run reads from here. */
    protected static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** The connector's clock. */
    protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** How long the simulated platform asks to wait when its rate limit is reached. */
    protected static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(93);
    /** Tries per call here: a retried failure shows as this many requests. */
    protected static final int ATTEMPTS = 2;
    /** Read timeout of the tests that are not about timeouts (a loaded machine must not make them flaky). */
    private static final Duration PATIENT = Duration.ofSeconds(15);
    private static final int PAGE_SIZE = 2;

    /** The simulated platform; a connector's own tests may add stubs, which win over the simulator. */
    protected WireMockServer server;
    /** What the platform holds; fresh for every test. */
    protected SimulatedSource source;
    /** The connector under test, at {@link #server}, with a {@link #PATIENT} read timeout. */
    protected SourcePlatformConnector connector;
    private final SimulatedPlatform platform = new SimulatedPlatform(this::answer);

    // ---- what a connector's test supplies ----

    /** The connector's key; its settings are {@code syncwatch.connectors.<key>.*}. */
    protected abstract String platformKey();

    /** The {@code base-url} setting that points the connector at {@code serverUrl} ({@code http://127.0.0.1:port}). */
    protected abstract String baseUrl(String serverUrl);

    /** The connector, built as Spring builds it. */
    protected abstract SourcePlatformConnector connector(RestClient.Builder http, Environment environment, Clock clock);

    /** Credentials the simulated platform accepts. */
    protected abstract SourceCredentials credentials();

    /** A secret among the credentials: it must appear in no message. */
    protected abstract String secret();

    /**
     * The platform's API over {@code source}: its change feed (paging, cursor or watermark, as the
     * platform does it), one record by id (404 when unknown), and the connection test's endpoint.
     * Malformed conversations are served so that the connector cannot map them, with their id.
     */
    protected abstract ResponseDefinitionBuilder answer(Request request, SimulatedSource source);

    /** The platform's answer when its rate limit is reached and it asks to wait {@code wait} from {@link #NOW}. */
    protected abstract ResponseDefinitionBuilder rateLimited(Duration wait);

    /** The platform's error answer with this status and error text. */
    protected abstract ResponseDefinitionBuilder error(int status, String text);

    /** The failures whose message the connector's test states exactly. */
    protected enum Expected {
        AUTHENTICATION_FAILED, PERMISSION_DENIED, RATE_LIMITED, SERVER_ERROR, NO_ANSWER_IN_TIME, CONNECTION_REFUSED
    }

    /**
     * The message an admin reads, exactly: {@code errorText} is what {@link #error} was given,
     * {@code serverUrl} where the connector was pointed (for messages naming the address of the
     * change feed: the no-answer ones concern a page request).
     */
    protected abstract String expectedMessage(Expected failure, String errorText, String serverUrl);

    /** What a successful connection test says against the simulated platform. */
    protected abstract String expectedConnectionMessage();

    // ---- set-up ----

    @BeforeAll
    void startThePlatform() {
        server = platform.startServer();
    }

    @AfterAll
    void stopThePlatform() {
        server.stop();
    }

    @BeforeEach
    void freshSource() {
        server.resetAll();
        source = new SimulatedSource();
        platform.serve(source);
        SimulatedPlatform.answerEverything(server);
        connector = connectorAt(serverUrl(), PATIENT);
    }

    @AfterEach
    void theSimulatorWorked() {
        assertThat(source.problems()).as("problems inside the simulated platform").isEmpty();
    }

    /** Where the simulated platform answers: {@code http://127.0.0.1:port}. */
    protected String serverUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The connector pointed at {@code serverUrl} with this read timeout, {@link #ATTEMPTS} tries and a short back-off. */
    protected SourcePlatformConnector connectorAt(String serverUrl, Duration readTimeout) {
        String prefix = HttpSourceSettings.PREFIX + platformKey() + ".";
        return connector(RestClient.builder(), new MockEnvironment()
                .withProperty(prefix + "base-url", baseUrl(serverUrl))
                .withProperty(prefix + "connect-timeout", "5s")
                .withProperty(prefix + "read-timeout", readTimeout.toMillis() + "ms")
                .withProperty(prefix + "attempts", Integer.toString(ATTEMPTS))
                .withProperty(prefix + "backoff", "10ms"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    protected SourcePage fetch(SourcePlatformConnector from, @Nullable String checkpoint) throws SourceFailure {
        return from.fetchChanges(new SourceRequest(IntegrationId.of(1), credentials(), checkpoint, START, PAGE_SIZE));
    }

    /** Pages until the end of the stream (at most 50), from {@code checkpoint}. */
    protected List<SourcePage> readToTheEnd(SourcePlatformConnector from, @Nullable String checkpoint) throws SourceFailure {
        List<SourcePage> pages = new ArrayList<>();
        String at = checkpoint;
        for (int i = 0; i < 50; i++) {
            SourcePage page = fetch(from, at);
            pages.add(page);
            at = page.nextCheckpoint();
            if (page.endOfStream()) {
                return pages;
            }
        }
        throw new AssertionError("no end of stream after 50 pages: " + pages);
    }

    protected static @Nullable String lastCheckpoint(List<SourcePage> pages) {
        return pages.getLast().nextCheckpoint();
    }

    /** The versions delivered, as "reference@updatedAt", malformed ones as "malformed:reference". */
    protected static List<String> versions(List<SourcePage> pages) {
        List<String> delivered = new ArrayList<>();
        for (SourcePage page : pages) {
            for (SourceRecord r : page.records()) {
                delivered.add(switch (r) {
                    case SourceRecord.Valid v -> v.conversation().reference() + "@" + v.conversation().updatedAt();
                    case SourceRecord.Malformed m -> "malformed:" + m.reference();
                });
            }
        }
        return delivered;
    }

    protected static String version(Conversation c) {
        return c.reference() + "@" + c.updatedAt();
    }

    private void history() {
        source.add(100, "closed", START.minus(Duration.ofHours(1)));
        source.add(101, "open", START);
        source.add(102, "open", START.plus(Duration.ofHours(1)));
        source.add(103, "closed", START.plus(Duration.ofHours(2)));
        source.add(104, "open", START.plus(Duration.ofHours(3)));
        source.add(105, "closed", START.plus(Duration.ofHours(4)));
    }

    private static final List<String> HISTORY = List.of("101@2026-01-01T00:00:00Z", "102@2026-01-01T01:00:00Z",
            "103@2026-01-01T02:00:00Z", "104@2026-01-01T03:00:00Z", "105@2026-01-01T04:00:00Z");

    // ---- the contract ----

    @Test
    void describesItselfForTheConnectWizard() {
        PlatformDescriptor d = connector.descriptor();
        assertThat(d.key()).isEqualTo(platformKey());
        assertThat(d.displayName()).isNotBlank();
        assertThat(d.description()).isNotBlank();
        assertThat(d.credentialFields()).extracting(CredentialField::key)
                .containsAll(credentials().values().keySet());
        assertThat(d.credentialFields()).filteredOn(CredentialField::required)
                .allSatisfy(f -> assertThat(credentials().get(f.key())).as(f.key()).isNotBlank());
        assertThat(d.credentialFields()).filteredOn(f -> credentials().get(f.key()).equals(secret()))
                .singleElement().satisfies(f -> assertThat(f.secret()).as("the secret is masked in the wizard").isTrue());
        assertThat(d.statusValues()).isNotEmpty().containsAll(d.defaultStatusCriteria());
        if (d.supportsSingleConversationImport()) {
            assertThat(d.referenceLabel()).isNotBlank();
        }
    }

    @Test
    void theConnectionTestSaysWhatItReachedAndARejectedKeyIsAnAuthenticationFailure() throws Exception {
        assertThat(connector.testConnection(credentials())).isEqualTo(expectedConnectionMessage());

        source.interruptNext(1, ok -> error(401, "Invalid credentials"));
        int before = source.requests();
        assertThatThrownBy(() -> connector.testConnection(credentials())).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.AUTHENTICATION_FAILED, "Invalid credentials",
                    serverUrl())).doesNotContain(secret());
        });
        assertThat(source.requests() - before).as("not retried").isEqualTo(1);
    }

    @Test
    void pagesThroughTheHistoryFromTheStartDateInUpdateOrderToTheEnd() throws Exception {
        history();

        List<SourcePage> pages = readToTheEnd(connector, null);

        assertThat(versions(pages)).as("from the start date on, each once, in update order").isEqualTo(HISTORY);
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.records()).hasSizeLessThanOrEqualTo(PAGE_SIZE);
            assertThat(p.nextCheckpoint()).as("every page gives the checkpoint to store with it").isNotNull();
        });
        assertThat(pages.subList(0, pages.size() - 1)).noneMatch(SourcePage::endOfStream);
        SourceConversation first = ((SourceRecord.Valid) pages.getFirst().records().getFirst()).conversation();
        Conversation expected = source.find("101").orElseThrow();
        assertThat(first.reference()).isEqualTo("101");
        assertThat(first.status()).isEqualTo("open");
        assertThat(first.createdAt()).isEqualTo(expected.createdAt());
        assertThat(first.updatedAt()).isEqualTo(expected.updatedAt());
    }

    @Test
    void resumesFromAStoredCheckpointAsTheNextRunAfterARestartWould() throws Exception {
        history();

        SourcePage first = fetch(connector, null);
        SourcePlatformConnector afterRestart = connectorAt(serverUrl(), PATIENT);
        List<SourcePage> rest = readToTheEnd(afterRestart, first.nextCheckpoint());

        List<String> all = new ArrayList<>(versions(List.of(first)));
        all.addAll(versions(rest));
        assertThat(versions(List.of(first))).isNotEmpty();
        assertThat(all).as("no gap, no duplicate").isEqualTo(HISTORY);
    }

    @Test
    void aRateLimitCarriesThePlatformsWaitAndTheKeptCheckpointResumesWithoutGapOrDuplicate() throws Exception {
        history();
        SourcePage first = fetch(connector, null);

        source.interruptNext(1, ok -> rateLimited(RATE_LIMIT_WAIT));
        int before = source.requests();
        assertThatThrownBy(() -> fetch(connector, first.nextCheckpoint())).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(RATE_LIMIT_WAIT);
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.RATE_LIMITED, "", serverUrl()));
        });
        assertThat(source.requests() - before).as("a rate limit is not retried within the call").isEqualTo(1);

        List<String> all = new ArrayList<>(versions(List.of(first)));
        all.addAll(versions(readToTheEnd(connector, first.nextCheckpoint())));
        assertThat(all).as("the next run resumes where the rate limit stopped it").isEqualTo(HISTORY);
    }

    @Test
    void refusedCredentialsAndMissingPermissionsAreClassifiedAndNotRetried() {
        history();

        source.interruptNext(1, ok -> error(401, "Invalid credentials"));
        assertThatThrownBy(() -> fetch(connector, null)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.AUTHENTICATION_FAILED);
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.AUTHENTICATION_FAILED, "Invalid credentials",
                    serverUrl())).doesNotContain(secret());
        });
        source.interruptNext(1, ok -> error(403, "Access denied"));
        assertThatThrownBy(() -> fetch(connector, null)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.PERMISSION_DENIED);
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.PERMISSION_DENIED, "Access denied",
                    serverUrl())).doesNotContain(secret());
        });
        assertThat(source.requests()).as("one request each").isEqualTo(2);
    }

    @Test
    void serverErrorsAreTriedAgainThenReportedAsSourceUnreachable() throws Exception {
        history();

        source.interruptNext(ATTEMPTS, ok -> error(503, "Service Unavailable"));
        assertThatThrownBy(() -> fetch(connector, null)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.transientFailure()).isTrue();
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.SERVER_ERROR, "Service Unavailable",
                    serverUrl()));
        });
        assertThat(source.requests()).isEqualTo(ATTEMPTS);

        source.interruptNext(1, ok -> error(503, "Service Unavailable"));
        assertThat(versions(List.of(fetch(connector, null)))).as("one failure, then the answer").isNotEmpty();
    }

    @Test
    void aPlatformThatDoesNotAnswerInTimeIsSourceUnreachable() {
        history();
        SourcePlatformConnector impatient = connectorAt(serverUrl(), Duration.ofMillis(1000));

        source.interruptNext(ATTEMPTS, ok -> ok.withFixedDelay(3000));
        assertThatThrownBy(() -> fetch(impatient, null)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.transientFailure()).as("retried like any transient failure").isTrue();
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.NO_ANSWER_IN_TIME, "", serverUrl()));
        });
        assertThat(source.requests()).isEqualTo(ATTEMPTS);
    }

    @Test
    void aBodyTricklingInPastTheReadTimeoutIsNotAnsweringInTime() {
        history();
        SourcePlatformConnector impatient = connectorAt(serverUrl(), Duration.ofMillis(1500));

        // the status and headers come at once, the body in 100 chunks over 4 s: the read timeout
        // cuts it off while it is being read, which the HTTP client reports as a cancelled
        // subscription (an IOException), not as a timeout
        source.interruptNext(ATTEMPTS, ok -> ok.withChunkedDribbleDelay(100, 4000));
        assertThatThrownBy(() -> fetch(impatient, null)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.getCause()).as("the headers came in time: the body was cut off")
                    .isNotInstanceOf(HttpTimeoutException.class);
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.NO_ANSWER_IN_TIME, "", serverUrl()));
        });
        assertThat(source.requests()).isEqualTo(ATTEMPTS);
    }

    @Test
    void aRefusedConnectionIsSourceUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;
        SourcePlatformConnector unreachable = connectorAt(nowhere, PATIENT);

        assertThatThrownBy(() -> fetch(unreachable, null)).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE);
            assertThat(f.getMessage()).isEqualTo(expectedMessage(Expected.CONNECTION_REFUSED, "", nowhere));
        });
        assertThatThrownBy(() -> unreachable.testConnection(credentials())).isInstanceOfSatisfying(SourceFailure.class,
                f -> assertThat(f.category()).isEqualTo(FailureCategory.SOURCE_UNREACHABLE));
    }

    @Test
    void aConversationUpdatedAtTheSourceIsFetchedAgainWithItsNewVersion() throws Exception {
        history();
        List<SourcePage> firstRun = readToTheEnd(connector, null);
        Conversation updated = source.update(102, "closed", START.plus(Duration.ofHours(10)));

        List<SourcePage> nextRun = readToTheEnd(connector, lastCheckpoint(firstRun));

        assertThat(versions(nextRun)).contains(version(updated));
        assertThat(versions(nextRun)).as("nothing else but versions already fetched (duplicates the pipeline skips)")
                .allMatch(v -> v.equals(version(updated)) || versions(firstRun).contains(v));
        SourceConversation again = nextRun.stream().flatMap(p -> p.records().stream())
                .filter(r -> r instanceof SourceRecord.Valid v && v.conversation().reference().equals("102"))
                .map(r -> ((SourceRecord.Valid) r).conversation()).reduce((a, b) -> b).orElseThrow();
        assertThat(again.status()).isEqualTo("closed");
        assertThat(again.updatedAt()).isEqualTo(updated.updatedAt());
        assertThat(again.createdAt()).as("the same conversation, not a new one").isEqualTo(updated.createdAt());
        assertThat(connector.fetchOne(credentials(), "102")).get().satisfies(c -> {
            assertThat(c.status()).isEqualTo("closed");
            assertThat(c.updatedAt()).isEqualTo(updated.updatedAt());
        });
    }

    @Test
    void anEmptyWindowBringsNothingNewAndSkipsNothingThatComesAfterIt() throws Exception {
        List<SourcePage> empty = readToTheEnd(connector, null);
        assertThat(versions(empty)).as("nothing at the source yet").isEmpty();
        Conversation atTheStart = source.add(101, "open", START);
        assertThat(versions(readToTheEnd(connector, lastCheckpoint(empty))))
                .as("an empty first window does not move past the start date").contains(version(atTheStart));

        history();
        List<SourcePage> all = readToTheEnd(connector, null);
        List<SourcePage> quiet = readToTheEnd(connector, lastCheckpoint(all));
        assertThat(versions(quiet)).as("nothing changed: nothing new (at most duplicates the pipeline skips)")
                .allMatch(versions(all)::contains);
        Conversation later = source.add(106, "open", START.plus(Duration.ofHours(5)));
        assertThat(versions(readToTheEnd(connector, lastCheckpoint(quiet)))).as("a quiet window skips nothing after it")
                .contains(version(later));
    }

    @Test
    void aMalformedRecordIsReturnedAsBrokenNamingItAndThePageGoesOn() throws Exception {
        source.add(101, "open", START.plus(Duration.ofMinutes(1)));
        source.addMalformed(102, START.plus(Duration.ofMinutes(2)));
        source.add(103, "closed", START.plus(Duration.ofMinutes(3)));

        List<SourcePage> pages = readToTheEnd(connector, null);

        assertThat(versions(pages)).as("broken records are counted by the pipeline, the others imported")
                .containsExactly("101@2026-01-01T00:01:00Z", "malformed:102", "103@2026-01-01T00:03:00Z");
        SourceRecord.Malformed broken = pages.stream().flatMap(p -> p.records().stream())
                .filter(SourceRecord.Malformed.class::isInstance).map(SourceRecord.Malformed.class::cast).findFirst()
                .orElseThrow();
        assertThat(broken.describe()).startsWith("Record '102' was skipped: ");
    }

    @Test
    void oneConversationByItsReferenceOrNothingWhenThePlatformDoesNotKnowIt() throws Exception {
        history();
        source.addMalformed(107, START.plus(Duration.ofHours(6)));

        assertThat(connector.fetchOne(credentials(), "103")).get().satisfies(c -> {
            assertThat(c.reference()).isEqualTo("103");
            assertThat(c.status()).isEqualTo("closed");
            assertThat(c.updatedAt()).isEqualTo(START.plus(Duration.ofHours(2)));
        });
        assertThat(connector.fetchOne(credentials(), "999")).as("not found at the source").isEmpty();
        int before = source.requests();
        assertThat(connector.fetchOne(credentials(), "../../103")).as("not a reference of this platform").isEmpty();
        assertThat(source.requests()).as("never sent").isEqualTo(before);
        assertThatThrownBy(() -> connector.fetchOne(credentials(), "107")).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.INVALID_DATA);
            assertThat(f.getMessage()).startsWith("Record '107' was skipped: ");
        });
    }
}
