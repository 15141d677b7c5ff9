package io.syncwatch.alerts.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.alerts.application.port.in.HealthDigest;
import io.syncwatch.alerts.application.port.out.DigestProjection;
import io.syncwatch.alerts.domain.DigestLine;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.alerts.domain.WebhookPayload;
import io.syncwatch.alerts.domain.WeeklyDigest;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;
import io.syncwatch.platform.ConsoleRoutes;

/**
 * Computes the weekly digest from the projection and sends it by mail and "digest ready" webhook,
 * once per schedule slot and account however many instances trigger it (decision 0007).
 */
@Service
@Transactional
class DigestService implements HealthDigest {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofMinutes(5), Duration.ofHours(2),
            Duration.ofDays(2), Duration.ofDays(8), Duration.ofDays(32), Duration.ofDays(370));

    private final DigestProjection projection;
    private final CurrentUser currentUser;
    private final AccountDirectory directory;
    private final AlertMailing mailing;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final CronExpression cron;
    private final TransactionTemplate tx;

    DigestService(DigestProjection projection, CurrentUser currentUser, AccountDirectory directory,
            AlertMailing mailing, WebhookOutbox outbox, Clock clock,
            AlertsProperties properties, TransactionTemplate tx) {
        this.cron = CronExpression.parse(properties.digestCron());
        this.tx = tx;
        this.projection = projection;
        this.currentUser = currentUser;
        this.directory = directory;
        this.mailing = mailing;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Digest generateNow() {
        return generate(currentUser.accountId());
    }

    @Override
    @Transactional(readOnly = true)
    public Digest generate(AccountId account) {
        Instant now = clock.instant();
        var from = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(35);
        return new Digest(now, WeeklyDigest.compute(projection.integrations(account),
                projection.dailyImported(account, from), now));
    }

    /** The schedule's latest time at or before now (UTC): what a trigger at now was scheduled for. */
    Instant slot(Instant now) {
        ZonedDateTime bound = now.atZone(ZoneOffset.UTC);
        for (Duration back : LOOK_BACK) {
            ZonedDateTime t = cron.next(bound.minus(back));
            if (t != null && !t.isAfter(bound)) {
                for (ZonedDateTime n = cron.next(t); n != null && !n.isAfter(bound); n = cron.next(t)) {
                    t = n;
                }
                return t.toInstant();
            }
        }
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sendWeekly() {
        Instant now = clock.instant();
        Instant slot = slot(now);
        int n = 0;
        for (AccountId account : projection.accounts()) {
            Boolean sent;
            try {
                sent = tx.execute(status -> projection.claimDigest(slot, account, now) && send(account));
            } catch (PessimisticLockingFailureException e) {
                log.info("Weekly digest of {} for {} is being sent by another instance", account, slot);
                sent = false;
            }
            if (Boolean.TRUE.equals(sent)) {
                n++;
            }
        }
        return n;
    }

    /** Mails and posts one account's digest (in the claim's transaction). */
    private boolean send(AccountId account) {
        Digest digest = generate(account);
        Set<String> to = new LinkedHashSet<>(directory.emailsOfUsersWith(account, Permission.ACCOUNT_ADMIN));
        to.addAll(directory.emailsOfUsersWith(account, Permission.MANAGE_INTEGRATIONS));
        mailing.mail(new ArrayList<>(to), "[Syncwatch] Weekly health digest", text(digest));
        String eventId = WebhookOutbox.newEventId();
        List<Object> lines = new ArrayList<>();
        for (DigestLine l : digest.lines()) {
            lines.add(java.util.Map.of("kind", l.kind().name(), "integrationId", l.integrationId(),
                    "integrationName", l.integrationName(), "text", l.text(), "link", mailing.link(l.link())));
        }
        outbox.publish(account, eventId, WebhookEventType.DIGEST_READY,
                WebhookPayload.of(eventId, WebhookEventType.DIGEST_READY, digest.generatedAt(), account.value())
                        .put("lines", lines).put("link", mailing.link(ConsoleRoutes.WEEKLY_DIGEST)));
        return true;
    }

    private String text(Digest digest) {
        StringBuilder sb = new StringBuilder("Weekly health digest, " + digest.generatedAt() + "\n\n");
        if (digest.lines().isEmpty()) {
            sb.append("All integrations are Active and data is flowing.\n");
        }
        DigestLine.Kind kind = null;
        for (DigestLine l : digest.lines()) {
            if (l.kind() != kind) {
                kind = l.kind();
                sb.append("\n").append(kind.label()).append("\n");
            }
            sb.append("- ").append(l.integrationName()).append(": ").append(l.text()).append("\n  ")
                    .append(mailing.link(l.link())).append("\n");
        }
        return sb.toString();
    }
}
