package io.syncwatch.alerts.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.alerts.application.port.in.HeldAlertMails;
import io.syncwatch.alerts.application.port.out.AlertMail;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.HeldAlerts;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * Sends one summary mail per recipient list for the alerts held back by the throttle whose window
 * has ended. Each group is claimed (conditional delete), mailed and marked as mailed in one
 * transaction: two instances never both send it, and a failed mail leaves the rows for the next
 * run. The summary opens a new hourly window for each integration and kind it reports.
 */
@Service
class HeldAlertSummaries implements HeldAlertMails {

    private static final int BATCH = 500;

    private final AlertRouting routing;
    private final AlertMailing mailing;
    private final AlertMail mail;
    private final TransactionTemplate tx;
    private final Clock clock;

    HeldAlertSummaries(AlertRouting routing, AlertMailing mailing, AlertMail mail, TransactionTemplate tx, Clock clock) {
        this.routing = routing;
        this.mailing = mailing;
        this.mail = mail;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public int sendDueSummaries() {
        if (!mail.enabled()) {
            return 0;
        }
        Instant now = clock.instant();
        // group per account and recipient list: each owner gets one mail for all their integrations
        Map<AccountId, Map<List<String>, List<HeldAlerts>>> groups = new LinkedHashMap<>();
        for (HeldAlerts held : routing.heldDue(now, BATCH)) {
            List<String> to = List.copyOf(new TreeSet<>(mailing.recipientsFor(held.account(), held.integrationId())));
            groups.computeIfAbsent(held.account(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(to, t -> new ArrayList<>()).add(held);
        }
        int sent = 0;
        for (Map<List<String>, List<HeldAlerts>> byRecipients : groups.values()) {
            for (Map.Entry<List<String>, List<HeldAlerts>> group : byRecipients.entrySet()) {
                Boolean mailed = tx.execute(status -> {
                    List<HeldAlerts> claimed = group.getValue().stream().filter(routing::release).toList();
                    if (claimed.isEmpty() || group.getKey().isEmpty()) {
                        return false; // nobody to tell: the alerts had no recipient either
                    }
                    if (!mail.send(group.getKey(), subject(claimed), text(claimed))) {
                        status.setRollbackOnly();
                        return false;
                    }
                    claimed.forEach(h -> routing.mailed(h.account(), h.integrationId(), h.kind(), now));
                    return true;
                });
                if (Boolean.TRUE.equals(mailed)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private static String subject(List<HeldAlerts> held) {
        int total = held.stream().mapToInt(HeldAlerts::count).sum();
        return "[Syncwatch] " + total + (total == 1 ? " alert" : " alerts") + " held back in the last hour";
    }

    private String text(List<HeldAlerts> held) {
        StringBuilder sb = new StringBuilder(
                "These alerts repeated within an hour of the last mail of the same kind and were held back:\n\n");
        for (HeldAlerts h : held) {
            sb.append("- ").append(h.about()).append(": ").append(AlertMailing.heldLine(h)).append("\n  ")
                    .append(mailing.link(ConsoleRoutes.integration(h.integrationId()))).append("\n");
        }
        return sb.toString();
    }
}
