package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.syncwatch.agentrequests.application.AgentRequestsProperties;
import io.syncwatch.alerts.application.AlertsProperties;
import io.syncwatch.health.application.HealthProperties;
import io.syncwatch.imports.application.ImportsProperties;
import io.syncwatch.integrations.application.IntegrationsProperties;
import io.syncwatch.platform.application.PlatformProperties;
import io.syncwatch.platform.scheduling.EventsSettings;
import io.syncwatch.platform.scheduling.SchedulingSettings;

/**
 * An invalid setting stops the start-up, and the operator reads which property, which value and
 * why in Spring Boot's failure report: the modules' settings records are validated when they are
 * bound. (A context of the settings records alone; the application registers the same records.)
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ ImportsProperties.class, IntegrationsProperties.class, AgentRequestsProperties.class,
            PlatformProperties.class, SchedulingSettings.class, EventsSettings.class, HealthProperties.class,
            AlertsProperties.class })
    static class Settings {
    }

    static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // only what the test gives: none of the application*.properties (the test profile's included)
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "no-such-file"));
        return application.run(arguments);
    }

    @Test
    void withNothingSetEverySettingHasItsDefault() {
        try (var context = start()) {
            ImportsProperties imports = context.getBean(ImportsProperties.class);
            assertThat(imports.pageSize()).isEqualTo(200);
            assertThat(imports.scheduler().checkEvery()).hasSeconds(30);
            assertThat(context.getBean(IntegrationsProperties.class).inactivityCheckInterval()).hasHours(1);
            assertThat(context.getBean(AgentRequestsProperties.class).retention()).hasDays(90);
            assertThat(context.getBean(PlatformProperties.class).security().signIn().perIp()).isEqualTo("20/1m,100/1h,500/1d");
            assertThat(context.getBean(SchedulingSettings.class).enabled()).isTrue();
            assertThat(context.getBean(EventsSettings.class).resubmission().enabled()).isTrue();
            assertThat(context.getBean(AlertsProperties.class).digestCron()).isEqualTo("0 0 7 * * MON");
            assertThat(context.getBean(AlertsProperties.class).allowLoopback()).isNull();
            assertThat(context.getBean(HealthProperties.class).livePoll()).hasSeconds(2);
        }
    }

    /**
     * The report names the property (as the record's component, e.g. {@code checkEvery}), the value
     * as bound (a duration in ISO form) and the reason; a value set at a settings record's top
     * level also gets its origin (where it was set).
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "syncwatch.imports.scheduler.check-every; -30s; syncwatch.imports.scheduler.checkEvery; PT-30S; must be longer than or equal to 1 milli",
            "syncwatch.imports.page-size; 0; syncwatch.imports.pageSize; 0; must be greater than 0",
            "syncwatch.integrations.inactivity-check-interval; -1h; syncwatch.integrations.inactivityCheckInterval; PT-1H; must be longer than or equal to 1 milli",
            "syncwatch.agentrequests.retention; 12h; syncwatch.agentrequests.retention; PT12H; must be longer than or equal to 1 day",
            "syncwatch.scheduling.threads; -4; syncwatch.scheduling.threads; -4; must be greater than 0",
            "syncwatch.scheduling.table; tasks-x; syncwatch.scheduling.table; tasks-x; must be a plain table name",
            "syncwatch.security.sign-in.per-ip; twenty per minute; syncwatch.security.signIn.perIp; twenty per minute; must be attempts/period pairs separated by commas",
            "syncwatch.events.resubmit-every; 0s; syncwatch.events.resubmitEvery; PT0S; must be longer than or equal to 1 milli",
            "syncwatch.alerts.read-timeout; -10s; syncwatch.alerts.readTimeout; PT-10S; must be longer than or equal to 1 milli",
            "syncwatch.health.live-poll; 0ms; syncwatch.health.livePoll; PT0S; must be longer than or equal to 1 milli",
            "syncwatch.base-url; not a url; syncwatch.baseUrl; not a url; must be a valid URL" })
    void anInvalidValueStopsTheStartUpNamingPropertyValueAndReason(String property, String value, String shownAs,
            String shownValue, String reason, CapturedOutput output) {
        assertThatThrownBy(() -> start("--" + property + "=" + value)).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Property: " + shownAs + "\n")
                .contains("Value: \"" + shownValue + "\"").contains("Reason: " + reason);
    }
}
