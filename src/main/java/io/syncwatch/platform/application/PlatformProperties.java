package io.syncwatch.platform.application;

import java.time.Duration;

import org.hibernate.validator.constraints.URL;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import io.syncwatch.platform.ConsoleAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The platform kernel's settings directly under {@code syncwatch.}: the secret key, the first
 * admin, Syncwatch's support staff, the metrics user and sign-in throttling. (Its scheduler and
 * event resubmission have their own records, {@code SchedulingSettings} and {@code EventsSettings}
 * in {@code platform::scheduling}.) The defaults are here and nowhere else; an invalid value stops
 * the start-up with the property's name. {@link #toString()} shows no secret.
 *
 * @param baseUrl       the console's public address (env {@code SYNCWATCH_BASE_URL}), the start of every link
 *                      Syncwatch sends or logs (set-password link, alert mails); formerly
 *                      {@code syncwatch.alerts.base-url}, which still works
 * @param secretKey     base64 of 32 random bytes: the AES-256-GCM key for source credentials at rest
 *                      (env {@code SYNCWATCH_SECRET_KEY}); empty: a key generated once and kept in
 *                      {@code secret-key-file}
 * @param secretKeyFile where a generated key is kept when {@code secret-key} is empty
 * @param bootstrap     the first admin of a real deployment
 * @param support       Syncwatch's own support staff (decision 0008)
 * @param metrics       the user a Prometheus scraper signs in as on /actuator/prometheus
 * @param security      sign-in throttling (decision 0003)
 */
@ConfigurationProperties("syncwatch")
@Validated
public record PlatformProperties(@DefaultValue("http://localhost:8080") @NotNull @URL String baseUrl,
        @DefaultValue("") @NotNull String secretKey,
        @DefaultValue("./data/secret.key") @NotBlank String secretKeyFile, @DefaultValue @Valid @NotNull Bootstrap bootstrap,
        @DefaultValue @Valid @NotNull Support support, @DefaultValue @Valid @NotNull Metrics metrics,
        @DefaultValue @Valid @NotNull Security security) {

    @Override
    public String toString() {
        return "PlatformProperties[baseUrl=" + baseUrl + ", secretKey=" + (secretKey.isBlank() ? "" : "(set)") + ", secretKeyFile=" + secretKeyFile
                + ", bootstrap=" + bootstrap + ", support=" + support + ", metrics=" + metrics + ", security=" + security + "]";
    }

    /**
     * @param adminEmail  on an empty database (not the demo), the e-mail of the first admin, created once at start-up
     *                    (env {@code SYNCWATCH_BOOTSTRAP_ADMIN_EMAIL}); empty: none
     * @param accountName the first admin's account (env {@code SYNCWATCH_BOOTSTRAP_ACCOUNT_NAME}); empty: "Syncwatch"
     */
    public record Bootstrap(@DefaultValue("") @NotNull String adminEmail, @DefaultValue("") @NotNull String accountName) {
    }

    /**
     * @param users comma-separated login e-mails of console users who get ROLE_SYNCWATCH_SUPPORT at sign-in, on top of
     *              their account permissions; only they re-enable an integration stopped for quality assurance
     */
    public record Support(@DefaultValue("") @NotNull String users) {
    }

    /**
     * @param user     the metrics user's name (env {@code SYNCWATCH_METRICS_USER})
     * @param password the metrics user's password (env {@code SYNCWATCH_METRICS_PASSWORD}); empty: /actuator/prometheus
     *                 is closed
     */
    public record Metrics(@DefaultValue("metrics") @NotBlank String user, @DefaultValue("") @NotNull String password) {

        @Override
        public String toString() {
            return "Metrics[user=" + user + ", password=" + (password.isBlank() ? "" : "(set)") + "]";
        }
    }

    /** @param signIn sign-in throttling */
    public record Security(@DefaultValue @Valid @NotNull SignIn signIn) {
    }

    /**
     * @param attemptsPerLogin         failed attempts per login within {@code login-window} before it is locked
     * @param loginWindow              the window in which a login's failed attempts are counted
     * @param lockDuration             how long a login stays locked after too many failed attempts
     * @param perIp                    budgets per IP address as {@code attempts/period} pairs (all apply: a growing delay
     *                                 per address); periods as Spring reads durations (1m, 1h, 1d, PT30S)
     * @param housekeepingMaxRows      most expired sign-in rows one housekeeping run forgets
     * @param housekeepingInterval     how often sign-in attempts past their window and budgets full again are forgotten
     * @param housekeepingInitialDelay wait after start-up before the first housekeeping
     */
    public record SignIn(@DefaultValue("5") @Positive int attemptsPerLogin,
            @DefaultValue("15m") @NotNull @DurationMin(millis = 1) Duration loginWindow,
            @DefaultValue("15m") @NotNull @DurationMin(millis = 1) Duration lockDuration,
            @DefaultValue("20/1m,100/1h,500/1d") @NotNull @Pattern(regexp = "\\s*\\d+\\s*/\\s*[^,/\\s]+\\s*(,\\s*\\d+\\s*/\\s*[^,/\\s]+\\s*)*",
                    message = "must be attempts/period pairs separated by commas, e.g. 20/1m,100/1h") String perIp,
            @DefaultValue("100000") @Positive int housekeepingMaxRows,
            @DefaultValue("1h") @NotNull @DurationMin(millis = 1) Duration housekeepingInterval,
            @DefaultValue("5m") @NotNull @DurationMin(millis = 0) Duration housekeepingInitialDelay) {
    }

    /**
     * Registers these settings wherever the platform's beans are (also in module tests), and
     * publishes the console's address to the other modules.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    static class Registration {

        @Bean
        ConsoleAddress consoleAddress(PlatformProperties properties) {
            return new ConsoleAddress(properties.baseUrl());
        }
    }
}
