package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.syncwatch.alerts.application.AlertsProperties;
import io.syncwatch.platform.application.PlatformProperties;

/**
 * A deployment configured with a former setting name keeps working: {@code syncwatch.alerts.base-url}
 * still sets the console's address, and {@code SYNCWATCH_MAIL_FROM} the alert mails' sender; the
 * current names win when both are set, and without either the records' defaults apply.
 */
class LegacySettingNamesTest {

    static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("variables", variables));
        ConfigurationPropertySources.attach(environment);
        new LegacySettingNames(destination -> destination.get()).postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    static PlatformProperties platform(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("syncwatch", PlatformProperties.class);
    }

    static AlertsProperties alerts(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("syncwatch.alerts", AlertsProperties.class);
    }

    @Test
    void theFormerNamesStillSetTheCurrentSettings() {
        var environment = environment(Map.of("syncwatch.alerts.base-url", "https://old.example.com"),
                Map.of("SYNCWATCH_MAIL_FROM", "alerts@example.com"));
        assertThat(platform(environment).baseUrl()).isEqualTo("https://old.example.com");
        assertThat(alerts(environment).mailFrom()).isEqualTo("alerts@example.com");
    }

    @Test
    void theCurrentNamesWin() {
        var environment = environment(Map.of("syncwatch.alerts.base-url", "https://old.example.com"),
                Map.of("SYNCWATCH_BASE_URL", "https://new.example.com", "SYNCWATCH_MAIL_FROM", "old@example.com",
                        "SYNCWATCH_ALERTS_MAIL_FROM", "new@example.com"));
        assertThat(platform(environment).baseUrl()).isEqualTo("https://new.example.com");
        assertThat(alerts(environment).mailFrom()).isEqualTo("new@example.com");
    }

    @Test
    void withoutEitherTheDefaultsApply() {
        var environment = environment(Map.of(), Map.of());
        assertThat(platform(environment).baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(alerts(environment).mailFrom()).isEqualTo("syncwatch@localhost");
        assertThat(environment.getPropertySources().contains(LegacySettingNames.SOURCE)).isFalse();
    }
}
