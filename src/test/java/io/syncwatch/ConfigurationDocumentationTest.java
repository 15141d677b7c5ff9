package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;

import io.syncwatch.imports.connector.HttpSourceSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's settings tables and the settings the code has agree: every {@code syncwatch.*}
 * property in the configuration metadata (written at compile time by
 * {@code spring-boot-configuration-processor} from the modules' {@code @ConfigurationProperties}
 * records) is documented in a README table row of its own with the default the record declares,
 * and every {@code syncwatch.*} property a README table documents exists. The connector settings
 * ({@code syncwatch.connectors.<platform>.*}, bound per platform by {@link HttpSourceSettings}) are
 * checked against that record's components and defaults.
 *
 * <p>A row documents a property when its first cell starts with the property in backticks; its
 * second cell is the default: the first value in backticks, or text starting with "empty" or
 * "not set" for a property without one.
 */
class ConfigurationDocumentationTest {

    static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    static final Path README = Path.of("README.md");
    static final Pattern ROW = Pattern.compile("^\\|\\s*`(syncwatch\\.[a-z0-9.<>-]+)`[^|]*\\|([^|]*)\\|");
    static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

    /** Property name → its default in the metadata (null: none). */
    static Map<String, @Nullable String> metadata = new TreeMap<>();
    /** Property name → the README's default cell; a list, to catch a property documented twice. */
    static Map<String, List<String>> documented = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        assertThat(METADATA).as("the configuration processor wrote no metadata (is it on the compiler's processor path?)")
                .exists();
        JsonNode root = JsonMapper.builder().build().readTree(METADATA.toFile());
        for (JsonNode property : root.path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("syncwatch.") && property.path("deprecation").isMissingNode()) {
                JsonNode value = property.get("defaultValue");
                metadata.put(name, value == null || value.isNull() ? null : value.asString());
            }
        }
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                documented.computeIfAbsent(row.group(1), n -> new ArrayList<>()).add(row.group(2).strip());
            }
        }
    }

    @Test
    void theMetadataListsEveryModulesSettings() {
        assertThat(metadata.keySet()).as("one record per module, all in the metadata").anyMatch(n -> n.startsWith("syncwatch.imports."))
                .anyMatch(n -> n.startsWith("syncwatch.integrations.")).anyMatch(n -> n.startsWith("syncwatch.agentrequests."))
                .anyMatch(n -> n.startsWith("syncwatch.scheduling.")).anyMatch(n -> n.startsWith("syncwatch.security."))
                .anyMatch(n -> n.startsWith("syncwatch.health.")).anyMatch(n -> n.startsWith("syncwatch.alerts."));
    }

    @Test
    void everySettingIsDocumentedOnceWithItsDefault() {
        List<String> problems = new ArrayList<>();
        metadata.forEach((name, defaultValue) -> {
            List<String> cells = documented.get(name);
            if (cells == null) {
                problems.add(name + ": not in the README (default " + shown(defaultValue) + ")");
            } else if (cells.size() > 1) {
                problems.add(name + ": documented " + cells.size() + " times");
            } else if (!sameDefault(defaultValue, cells.getFirst())) {
                problems.add(name + ": the README says " + cells.getFirst() + ", the code " + shown(defaultValue));
            }
        });
        assertThat(problems).as("README settings tables vs. the configuration metadata").isEmpty();
    }

    @Test
    void everyDocumentedSettingExists() {
        List<String> unknown = documented.keySet().stream()
                .filter(name -> !metadata.containsKey(name) && !isConnectorSetting(name)).toList();
        assertThat(unknown).as("documented in the README but not a setting of the code").isEmpty();
    }

    @Test
    void theConnectorSettingsHaveTheDefaultsOfTheConnectorKit() {
        HttpSourceSettings defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate(HttpSourceSettings.PREFIX + "any", HttpSourceSettings.class);
        Map<String, Object> expected = Map.of("connect-timeout", defaults.connectTimeout(), "read-timeout",
                defaults.readTimeout(), "attempts", defaults.attempts(), "backoff", defaults.backoff(), "max-retry-after",
                defaults.maxRetryAfter());
        expected.forEach((setting, value) -> {
            List<String> cells = documented.get(HttpSourceSettings.PREFIX + "<platform>." + setting);
            assertThat(cells).as(HttpSourceSettings.PREFIX + "<platform>." + setting + " in the README").hasSize(1);
            assertThat(sameDefault(value instanceof Duration d ? d.toString() : value.toString(), cells.getFirst()))
                    .as(setting + ": the README says " + cells.getFirst() + ", HttpSourceSettings " + value).isTrue();
        });
    }

    /** A connector's setting: a component of {@link HttpSourceSettings}, per platform or for {@code <platform>}. */
    static boolean isConnectorSetting(String name) {
        Matcher m = Pattern.compile("syncwatch\\.connectors\\.(<platform>|[a-z0-9]+)\\.([a-z-]+)").matcher(name);
        return m.matches() && List.of("base-url", "connect-timeout", "read-timeout", "attempts", "backoff", "max-retry-after")
                .contains(m.group(2));
    }

    static boolean sameDefault(@Nullable String code, String cell) {
        Matcher value = FIRST_CODE.matcher(cell);
        if (code == null || code.isEmpty()) {
            return cell.startsWith("empty") || cell.startsWith("not set");
        }
        if (!value.find()) {
            return false;
        }
        String readme = value.group(1);
        Duration documented = duration(readme);
        return readme.equals(code) || documented != null && documented.equals(duration(code));
    }

    static @Nullable Duration duration(String text) {
        try {
            return DurationStyle.detectAndParse(text);
        } catch (IllegalArgumentException notADuration) {
            return null;
        }
    }

    static String shown(@Nullable String defaultValue) {
        return defaultValue == null || defaultValue.isEmpty() ? "none (write 'empty' or 'not set')" : "`" + defaultValue + "`";
    }
}
