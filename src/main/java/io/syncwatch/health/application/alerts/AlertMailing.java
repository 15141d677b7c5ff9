package io.syncwatch.health.application.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.syncwatch.health.application.port.out.alerts.AlertMail;
import io.syncwatch.health.application.port.out.alerts.AlertRouting;
import io.syncwatch.health.domain.alerts.MailThrottle;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.Permission;

/** Routes integration alerts to the owner (or the admins) and throttles repeats to one per hour. */
@Component
public class AlertMailing {

    private final AlertMail mail;
    private final AlertRouting routing;
    private final AccountDirectory directory;
    private final Clock clock;
    private final String baseUrl;

    public AlertMailing(AlertMail mail, AlertRouting routing, AccountDirectory directory, Clock clock,
            @Value("${syncwatch.alerts.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.routing = routing;
        this.directory = directory;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public String link(String path) {
        return baseUrl + path;
    }

    public List<String> recipientsFor(AccountId account, long integrationId) {
        List<String> owner = routing.ownerOf(account, integrationId).map(AlertMailing::split).orElse(List.of());
        return owner.isEmpty() ? directory.emailsOfUsersWith(account, Permission.ACCOUNT_ADMIN) : owner;
    }

    /** Mails an integration alert unless one of the same kind went out within the hour. */
    public boolean alert(AccountId account, long integrationId, String kind, String subject, String text) {
        if (!mail.enabled()) {
            return false;
        }
        Instant now = clock.instant();
        if (!MailThrottle.mayMail(routing.lastMailed(account, integrationId, kind).orElse(null), now)) {
            return false;
        }
        List<String> to = recipientsFor(account, integrationId);
        if (to.isEmpty() || !mail.send(to, subject, text)) {
            return false;
        }
        routing.mailed(account, integrationId, kind, now);
        return true;
    }

    public boolean mail(List<String> to, String subject, String text) {
        return mail.enabled() && !to.isEmpty() && mail.send(to, subject, text);
    }

    static List<String> split(String recipients) {
        return Arrays.stream(recipients.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
