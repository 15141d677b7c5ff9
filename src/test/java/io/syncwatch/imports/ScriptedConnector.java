package io.syncwatch.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.SourceConversation;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog.CredentialField;
import io.syncwatch.integrations.SourcePlatformCatalog.PlatformDescriptor;

/**
 * A source whose records, failures and timing each test scripts. The checkpoint is the index of
 * the next record; records that change are appended again (as a change feed does).
 */
public class ScriptedConnector implements SourcePlatformConnector {

    public static final String KEY = "scripted";

    /** Thrown to simulate the JVM dying in the middle of a run (not caught by the pipeline). */
    public static class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    public static class Script {
        public final String key = UUID.randomUUID().toString();
        public final List<SourceRecord> records = new CopyOnWriteArrayList<>();
        public final Map<Integer, SourceFailure> failOnCall = new ConcurrentHashMap<>();
        public final Map<Integer, List<String>> warningsOnCall = new ConcurrentHashMap<>();
        public volatile int crashOnCall = -1;
        /** Run at the start of the given call, before the page is answered (e.g. to take the database away). */
        public final Map<Integer, Runnable> onCall = new ConcurrentHashMap<>();
        /** When set, single-conversation imports fail with it. */
        public volatile SourceFailure fetchOneFailure;
        public volatile long delayMillis;
        public final AtomicInteger calls = new AtomicInteger();
        public final AtomicInteger running = new AtomicInteger();
        public final AtomicInteger maxRunning = new AtomicInteger();

        public Script add(SourceConversation... conversations) {
            for (SourceConversation c : conversations) {
                records.add(SourceRecord.valid(c));
            }
            return this;
        }

        public Script addMalformed(String reference, String problem) {
            records.add(SourceRecord.malformed(reference, problem));
            return this;
        }

        public Map<String, String> credentials() {
            return Map.of("apiKey", "secret-" + key, "script", key);
        }
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    public Script newScript() {
        var script = new Script();
        scripts.put(script.key, script);
        return script;
    }

    /** Lets this connector (of another application context) answer for a script made elsewhere. */
    public void share(Script script) {
        scripts.put(script.key, script);
    }

    @Override
    public PlatformDescriptor descriptor() {
        return new PlatformDescriptor(KEY, "Scripted test source", "Test double",
                List.of(new CredentialField("apiKey", "API key", true, true, List.of(), ""),
                        new CredentialField("script", "Script", false, true, List.of(), "")),
                true, "Ticket ID", EnumSet.allOf(FilterField.class), List.of("open", "closed"), Set.of("closed"));
    }

    @Override
    public String testConnection(SourceCredentials credentials) throws SourceFailure {
        return "ok";
    }

    @Override
    public SourcePage fetchChanges(SourceRequest request) throws SourceFailure {
        Script script = scripts.get(request.credentials().get("script"));
        if (script == null) {
            return SourcePage.of(List.of(), request.checkpoint(), true);
        }
        int call = script.calls.incrementAndGet();
        int now = script.running.incrementAndGet();
        script.maxRunning.accumulateAndGet(now, Math::max);
        try {
            if (script.delayMillis > 0) {
                Thread.sleep(script.delayMillis);
            }
            script.onCall.getOrDefault(call, () -> { }).run();
            if (script.crashOnCall == call) {
                throw new SimulatedCrash();
            }
            SourceFailure failure = script.failOnCall.get(call);
            if (failure != null) {
                throw failure;
            }
            int from = request.checkpoint() == null ? 0 : Integer.parseInt(request.checkpoint());
            int to = Math.min(script.records.size(), from + request.pageSize());
            List<SourceRecord> page = new ArrayList<>();
            for (SourceRecord r : script.records.subList(from, to)) {
                if (!(r instanceof SourceRecord.Valid v) || !v.conversation().updatedAt().isBefore(request.startFrom())) {
                    page.add(r);
                }
            }
            return new SourcePage(page, Integer.toString(to), to >= script.records.size(),
                    script.warningsOnCall.getOrDefault(call, List.of()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SourceFailure.unreachable("interrupted", e);
        } finally {
            script.running.decrementAndGet();
        }
    }

    @Override
    public Optional<SourceConversation> fetchOne(SourceCredentials credentials, String reference) throws SourceFailure {
        Script script = scripts.get(credentials.get("script"));
        if (script == null) {
            return Optional.empty();
        }
        if (script.fetchOneFailure != null) {
            throw script.fetchOneFailure;
        }
        SourceConversation latest = null;
        for (SourceRecord r : script.records) {
            if (r instanceof SourceRecord.Valid v && v.conversation().reference().equals(reference)) {
                latest = v.conversation();
            }
        }
        return Optional.ofNullable(latest);
    }

    /** A conversation with sensible defaults. */
    public static SourceConversation conversation(String reference, String channel, String status, Instant updatedAt,
            String... tags) {
        return new SourceConversation(reference, channel, "Alice", status, Set.of(tags), Map.of("region", "EU"),
                "Subject " + reference, updatedAt.minusSeconds(600), updatedAt);
    }
}
