package io.syncwatch.health.application.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.health.application.port.in.alerts.HealthDigest;
import io.syncwatch.health.application.port.out.alerts.DigestProjection;
import io.syncwatch.health.domain.alerts.DigestLine;
import io.syncwatch.health.domain.alerts.WebhookEventType;
import io.syncwatch.health.domain.alerts.WebhookPayload;
import io.syncwatch.health.domain.alerts.WeeklyDigest;
import io.syncwatch.platform.AccountDirectory;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;
import io.syncwatch.platform.Permission;

/** Computes the weekly digest from the projection and sends it by mail and "digest ready" webhook. */
@Service
@Transactional
class DigestService implements HealthDigest {

    private final DigestProjection projection;
    private final CurrentUser currentUser;
    private final AccountDirectory directory;
    private final AlertMailing mailing;
    private final WebhookOutbox outbox;
    private final Clock clock;

    DigestService(DigestProjection projection, CurrentUser currentUser, AccountDirectory directory,
            AlertMailing mailing, WebhookOutbox outbox, Clock clock) {
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

    @Override
    public int sendWeekly() {
        int n = 0;
        for (AccountId account : projection.accounts()) {
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
                            .put("lines", lines).put("link", mailing.link("conversations/integrations/digest")));
            n++;
        }
        return n;
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
