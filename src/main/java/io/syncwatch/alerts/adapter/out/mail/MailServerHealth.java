package io.syncwatch.alerts.adapter.out.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;

/**
 * The SMTP server in {@code /actuator/health} as component {@code mail}, at warning level: alert
 * mails are held and retried while it is down, so a mail outage never takes an instance out of a
 * load balancer. It reports {@link #WARNING} (ordered after {@code UP} in
 * {@code management.endpoint.health.status.order}, answered with 200) instead of {@code DOWN};
 * Spring Boot's own mail indicator is switched off ({@code management.health.mail.enabled=false}).
 */
@Component("mailHealthIndicator")
@ConditionalOnProperty("spring.mail.host")
class MailServerHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "The SMTP server does not answer: alert mails are held until it does");

    private final JavaMailSenderImpl sender;

    MailServerHealth(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public Health health() {
        String location = sender.getHost() + (sender.getPort() > 0 ? ":" + sender.getPort() : "");
        try {
            sender.testConnection();
            return Health.up().withDetail("location", location).build();
        } catch (MessagingException | RuntimeException e) {
            return Health.status(WARNING).withDetail("location", location)
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
