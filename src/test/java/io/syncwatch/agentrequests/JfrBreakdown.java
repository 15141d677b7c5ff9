package io.syncwatch.agentrequests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark's CPU goes, from JFR's execution samples (issue 20: "find where the time goes
 * with JFR, not guesses"). {@link #record} wraps a measured phase in a recording with JFR's
 * {@code profile} settings (a sample every 10 ms of each running Java thread); {@link #print}
 * reads the recordings back and prints the samples' shares
 * <ul>
 * <li>by thread group: request threads (Tomcat), the group-commit writer, the benchmark's own load
 * clients, others;</li>
 * <li>for the request threads, by the innermost Syncwatch frame of each sample (what our code was
 * doing, library calls included below it), or, when no Syncwatch frame is on the stack, by the
 * library of the innermost non-JDK frame (Tomcat, Spring Security, ...);</li>
 * <li>for the request threads, by the library of the innermost non-JDK frame.</li>
 * </ul>
 * Used with {@code -Dbench.jfr=true}; the recordings stay in {@code target/} for {@code jfr view}.
 */
final class JfrBreakdown {

    /** The recordings of each kind of phase ("api", "no-op"). */
    private final Map<String, List<Path>> files = new LinkedHashMap<>();

    interface Phase<T> {
        T run() throws Exception;
    }

    <T> T record(String kind, int round, Phase<T> phase) throws Exception {
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            T result = phase.run();
            recording.stop();
            Path file = Path.of("target", "bench-jfr-" + kind + "-round-" + round + ".jfr").toAbsolutePath();
            recording.dump(file);
            files.computeIfAbsent(kind, k -> new ArrayList<>()).add(file);
            return result;
        }
    }

    /** The samples of one kind of phase, counted three ways. */
    record Counts(int all, int requestThreads, Map<String, Integer> byThread, Map<String, Integer> byOwnFrame,
            Map<String, Integer> byLibrary) {
    }

    Counts count(String kind) throws IOException {
        Map<String, Integer> byThread = new LinkedHashMap<>();
        Map<String, Integer> byOwnFrame = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        int requestSamples = 0;
        int all = 0;
        for (Path file : files.getOrDefault(kind, List.of())) {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                all++;
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                String group = threadGroup(thread);
                byThread.merge(group, 1, Integer::sum);
                if (!group.startsWith("request threads")) {
                    continue;
                }
                requestSamples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                byOwnFrame.merge(ownFrameOrLibrary(frames), 1, Integer::sum);
                byLibrary.merge(library(innermostNonJdk(frames)), 1, Integer::sum);
            }
        }
        return new Counts(all, requestSamples, byThread, byOwnFrame, byLibrary);
    }

    /**
     * The API's samples beside the no-op endpoint's, each category as an estimate of JVM CPU per
     * request: its share of the phase's samples times the phase's measured JVM CPU per request.
     */
    void print(double apiJvmMicros, double noopJvmMicros, int top) throws IOException {
        Counts api = count("api");
        Counts noop = count("no-op");
        System.out.printf("JFR execution samples in the measured rounds: API %,d, no-op %,d (target/bench-jfr-*.jfr; JVM CPU per request"
                + " API %.0f µs, no-op %.0f µs; a category's µs = its share of the phase's samples x that figure)%n", api.all(), noop.all(),
                apiJvmMicros, noopJvmMicros);
        compare("by thread", api.byThread(), api.all(), noop.byThread(), noop.all(), apiJvmMicros, noopJvmMicros, 10);
        compare("request threads, by innermost Syncwatch frame (else the library at the top of the stack)", api.byOwnFrame(), api.all(),
                noop.byOwnFrame(), noop.all(), apiJvmMicros, noopJvmMicros, top);
        compare("request threads, by library of the innermost non-JDK frame", api.byLibrary(), api.all(), noop.byLibrary(), noop.all(),
                apiJvmMicros, noopJvmMicros, top);
    }

    private static void compare(String title, Map<String, Integer> api, int apiAll, Map<String, Integer> noop, int noopAll,
            double apiMicros, double noopMicros, int top) {
        System.out.printf("  %s:%n  %9s %9s %9s  %s%n", title, "API µs", "no-op µs", "extra µs", "category");
        Map<String, double[]> rows = new HashMap<>();
        api.forEach((k, v) -> rows.computeIfAbsent(k, x -> new double[2])[0] = apiMicros * v / Math.max(1, apiAll));
        noop.forEach((k, v) -> rows.computeIfAbsent(k, x -> new double[2])[1] = noopMicros * v / Math.max(1, noopAll));
        rows.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(top)
                .forEach(e -> System.out.printf("  %9.1f %9.1f %9.1f  %s%n", e.getValue()[0], e.getValue()[1],
                        e.getValue()[0] - e.getValue()[1], e.getKey()));
    }

    static String threadGroup(String thread) {
        if (thread.startsWith("http-nio")) {
            return "request threads (Tomcat)";
        }
        if (thread.endsWith("-writer")) {
            return "group-commit writer";
        }
        if (thread.startsWith("pool-")) {
            return "load clients (the benchmark's own)";
        }
        return "other: " + thread.replaceAll("\\d+", "N");
    }

    private static String ownFrameOrLibrary(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.syncwatch.")) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                String method = frame.getMethod().getName().replaceAll("\\$\\d+$", "");
                return simple + "." + method;
            }
        }
        return "(no Syncwatch frame) " + library(innermostNonJdk(frames));
    }

    private static String innermostNonJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun."))) {
                return type;
            }
        }
        return frames.isEmpty() ? "?" : "JDK";
    }

    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();
    static {
        LIBRARIES.put("io.syncwatch.", "Syncwatch");
        LIBRARIES.put("org.apache.catalina.", "Tomcat");
        LIBRARIES.put("org.apache.coyote.", "Tomcat");
        LIBRARIES.put("org.apache.tomcat.", "Tomcat");
        LIBRARIES.put("com.mysql.", "Connector/J");
        LIBRARIES.put("com.zaxxer.hikari.", "HikariCP");
        LIBRARIES.put("org.springframework.security.", "Spring Security");
        LIBRARIES.put("org.springframework.web.", "Spring MVC");
        LIBRARIES.put("org.springframework.jdbc.", "Spring JDBC");
        LIBRARIES.put("org.springframework.data.", "Spring Data");
        LIBRARIES.put("org.springframework.transaction.", "Spring transactions");
        LIBRARIES.put("org.springframework.", "Spring core/AOP");
        LIBRARIES.put("io.micrometer.", "Micrometer");
        LIBRARIES.put("tools.jackson.", "Jackson");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson");
        LIBRARIES.put("com.vaadin.", "Vaadin");
        LIBRARIES.put("ch.qos.logback.", "Logback");
        LIBRARIES.put("org.slf4j.", "Logback");
        LIBRARIES.put("JDK", "JDK");
    }

    static String library(String type) {
        Function<String, String> firstTwoSegments = t -> {
            String[] parts = t.split("\\.");
            return parts.length < 3 ? t : parts[0] + "." + parts[1] + ".*";
        };
        return LIBRARIES.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> firstTwoSegments.apply(type));
    }
}
