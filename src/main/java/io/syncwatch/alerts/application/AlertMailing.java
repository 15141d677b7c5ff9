package io.syncwatch.alerts.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.syncwatch.alerts.application.port.in.AlertOwners.Owner;
import io.syncwatch.alerts.application.port.out.AlertMail;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.HeldAlerts;
import io.syncwatch.alerts.domain.AlertTimes;
import io.syncwatch.alerts.domain.MailThrottle;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.ConsoleAddress;
import io.syncwatch.platform.Permission;

/**
 * Routes integration alerts to the owner (or the admins) and throttles repeats to one mail per
 * integration and kind per hour; repeats inside the hour are held (persisted) and summarised, see
 * {@link HeldAlertSummaries}.
 */
@Component
public class AlertMailing {

    private final AlertMail mail;
    private final AlertRouting routing;
    private final AccountDirectory directory;
    private final Clock clock;
    private final String baseUrl;

    public AlertMailing(AlertMail mail, AlertRouting routing, AccountDirectory directory, Clock clock,
            ConsoleAddress console) {
        String baseUrl = console.baseUrl();
        this.mail = mail;
        this.routing = routing;
        this.directory = directory;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public String link(String path) {
        return baseUrl + path;
    }

    /**
     * The integration's owners who are mailed — enabled users of the account and shared mailboxes;
     * disabled users and addresses that are no user of the account are skipped — or, when none
     * remains, the account admins.
     */
    public List<String> recipientsFor(AccountId account, long integrationId) {
        List<String> owners = routing.ownerOf(account, integrationId)
                .map(stored -> AlertOwnersService.classify(stored, AlertOwnersService.byEmail(directory.usersOf(account))))
                .orElse(List.of()).stream().filter(o -> o.kind().mailed()).map(Owner::email).toList();
        return owners.isEmpty() ? directory.emailsOfUsersWith(account, Permission.ACCOUNT_ADMIN) : owners;
    }

    /**
     * Mails an integration alert unless one of the same kind went out within the hour; then it is
     * held (counted, with first and last time) for the summary at the window's end. {@code about}
     * names the alert in that summary, e.g. "Support desk (Zendesk): Sync failing". A mail that goes
     * out after the window also reports what was held in it and not yet summarised. Runs in the
     * caller's transaction.
     */
    public boolean alert(AccountId account, long integrationId, String kind, String about, String subject,
            String text) {
        if (!mail.enabled()) {
            return false;
        }
        Instant now = clock.instant();
        Instant lastSent = routing.lastMailed(account, integrationId, kind).orElse(null);
        if (lastSent != null && !MailThrottle.mayMail(lastSent, now)) {
            routing.hold(account, integrationId, kind, about, now, MailThrottle.windowEnd(lastSent));
            return false;
        }
        List<String> to = recipientsFor(account, integrationId);
        if (to.isEmpty()) {
            return false;
        }
        HeldAlerts held = routing.held(account, integrationId, kind).filter(routing::release).orElse(null);
        String body = held == null ? text
                : text + "\nAlso held back since the last mail of this kind: " + heldLine(held) + "\n";
        if (!mail.send(to, subject, body)) {
            if (held != null) {
                routing.putBack(held);
            }
            return false;
        }
        routing.mailed(account, integrationId, kind, now);
        return true;
    }

    /** "3 alerts, first Nov 23, 2026 8:10 AM UTC, last Nov 23, 2026 8:50 AM UTC". */
    static String heldLine(HeldAlerts held) {
        return held.count() + (held.count() == 1 ? " alert" : " alerts") + ", first " + AlertTimes.utcMinutes(held.firstAt())
                + ", last " + AlertTimes.utcMinutes(held.lastAt());
    }

    public boolean mail(List<String> to, String subject, String text) {
        return mail.enabled() && !to.isEmpty() && mail.send(to, subject, text);
    }

}
