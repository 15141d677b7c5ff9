package io.syncwatch.alerts;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.IntegrationStateChanged;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Events the way the health and imports modules publish them. */
public final class AlertsFixtures {

    private AlertsFixtures() {
    }

    public static IntegrationStateChanged stateChanged(AccountId account, long integrationId, String name,
            DetailedState previous, DetailedState current, Instant at) {
        return new IntegrationStateChanged(IntegrationId.of(integrationId), account, name, "Zendesk", previous, current,
                current == DetailedState.ACTIVE ? null : "The API answered HTTP 500 three times",
                current == DetailedState.ACTIVE ? null : "Check the platform's status page, then Run now", at);
    }

    public static ImportRunFinished run(AccountId account, long integrationId, RunOutcome outcome, long imported,
            Instant finishedAt) {
        return new ImportRunFinished(new ImportRunId(finishedAt.toEpochMilli()), IntegrationId.of(integrationId),
                account, RunTrigger.SCHEDULED, outcome, null, outcome == RunOutcome.FAILED ? "Source unreachable" : null,
                new ImportCounts(imported, imported, 0, 0, 0, 0), imported > 0 ? finishedAt : null, false,
                finishedAt.minusSeconds(60), finishedAt, finishedAt.plusSeconds(3600));
    }

    /** Subjects of the mails in one address's GreenMail inbox. */
    public static List<String> mailsTo(GreenMailExtension smtp, String address) {
        // GreenMail keeps one copy per recipient mailbox, each listing every recipient: count each message once
        Map<String, String> subjects = new LinkedHashMap<>();
        for (MimeMessage m : smtp.getReceivedMessagesForDomain(address)) {
            try {
                subjects.putIfAbsent(m.getMessageID(), m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(subjects.values());
    }

    /** Texts of the mails in one address's GreenMail inbox, each message once. */
    public static List<String> textsTo(GreenMailExtension smtp, String address) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (MimeMessage m : smtp.getReceivedMessagesForDomain(address)) {
            try {
                texts.putIfAbsent(m.getMessageID(), String.valueOf(m.getContent()));
            } catch (MessagingException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(texts.values());
    }

    public static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
