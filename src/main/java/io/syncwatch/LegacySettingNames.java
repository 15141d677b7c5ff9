package io.syncwatch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the settings' former names working (decision 0018): a value given under an old name is
 * used for the new one unless the new one is set too, with a warning in the log. The defaults stay
 * in the settings records; this adds nothing when no old name is set. (The metadata marks the old
 * property names deprecated, so IDEs show the replacement.)
 */
public class LegacySettingNames implements EnvironmentPostProcessor, Ordered {

    /** Old name (a property, or an environment variable Spring Boot would not map by itself) → current property. */
    static final Map<String, String> RENAMED = Map.of(
            "syncwatch.alerts.base-url", "syncwatch.base-url",
            "SYNCWATCH_MAIL_FROM", "syncwatch.alerts.mail-from");

    static final String SOURCE = "syncwatchLegacySettingNames";

    private final Log log;

    public LegacySettingNames(DeferredLogFactory logs) {
        this.log = logs.getLog(LegacySettingNames.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new LinkedHashMap<>();
        RENAMED.forEach((old, current) -> {
            String value = environment.getProperty(old);
            if (value != null && environment.getProperty(current) == null) {
                values.put(current, value);
                if (old.startsWith("syncwatch.")) {
                    log.warn(old + " is deprecated: set " + current + " instead (it is used as " + current + " for now)");
                }
            }
        });
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, values));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1; // after application*.properties are read
    }
}
