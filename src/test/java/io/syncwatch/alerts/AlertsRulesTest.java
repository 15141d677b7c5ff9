package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.domain.DigestIntegration;
import io.syncwatch.alerts.domain.DigestLine;
import io.syncwatch.alerts.domain.InvalidWebhookUrl;
import io.syncwatch.alerts.domain.MailThrottle;
import io.syncwatch.alerts.domain.RetryPolicy;
import io.syncwatch.alerts.domain.RetryPolicy.Attempt;
import io.syncwatch.alerts.application.WebhookSignature;
import io.syncwatch.alerts.domain.WebhookUrlPolicy;
import io.syncwatch.alerts.domain.WeeklyDigest;

class AlertsRulesTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aReceiverVerifiesTheSignatureWithItsOwnHmac() throws Exception {
        String body = "{\"id\":\"e1\"}";
        String header = WebhookSignature.header("whsec_abc", 1_700_000_000L, body);

        // the receiver's side, written without Syncwatch classes
        String t = header.split(",")[0].substring(2);
        String v1 = header.split(",")[1].substring(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_abc".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(v1).isEqualTo(expected);

        assertThat(WebhookSignature.verify("whsec_abc", header, body, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("whsec_other", header, body, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_abc", header, body + " ", 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_abc", header, body, 1_700_001_000L, 300)).as("replayed too late")
                .isFalse();
    }

    static WebhookUrlPolicy policy(boolean loopback, String ip) {
        return new WebhookUrlPolicy(loopback, host -> {
            try {
                return List.of(InetAddress.getByName(ip));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void privateLinkLocalAndLoopbackTargetsAreRefused() {
        for (String ip : List.of("10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254", "127.0.0.1", "::1",
                "fd00::1", "0.0.0.0", "100.64.1.1")) {
            assertThatThrownBy(() -> policy(false, ip).check("https://hooks.example.com/x")).as(ip)
                    .isInstanceOf(InvalidWebhookUrl.class).hasMessageContaining("private");
        }
        assertThat(policy(false, "93.184.216.34").check("https://hooks.example.com/x").getHost())
                .isEqualTo("hooks.example.com");
    }

    @Test
    void plainHttpIsRefusedExceptForAllowedLoopback() {
        assertThatThrownBy(() -> policy(false, "93.184.216.34").check("http://hooks.example.com/x"))
                .isInstanceOf(InvalidWebhookUrl.class).hasMessageContaining("https");
        assertThatThrownBy(() -> policy(false, "127.0.0.1").check("http://localhost:8089/x"))
                .isInstanceOf(InvalidWebhookUrl.class);
        assertThat(policy(true, "127.0.0.1").check("http://localhost:8089/x").getPort()).isEqualTo(8089);
        assertThatThrownBy(() -> policy(true, "10.0.0.1").check("https://internal/x"))
                .as("allowing loopback does not open private networks").isInstanceOf(InvalidWebhookUrl.class);
        assertThatThrownBy(() -> policy(true, "1.1.1.1").check("ftp://example.com/x"))
                .isInstanceOf(InvalidWebhookUrl.class);
    }

    @Test
    void retriesBackOffExponentiallyHonourRetryAfterAndStopAfterADay() {
        Instant first = NOW;
        assertThat(RetryPolicy.nextAttempt(new Attempt(503, null), 1, first, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(RetryPolicy.nextAttempt(new Attempt(null, null), 3, first, NOW)).isEqualTo(NOW.plusSeconds(240));
        assertThat(RetryPolicy.nextAttempt(new Attempt(429, Duration.ofMinutes(30)), 1, first, NOW))
                .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(RetryPolicy.nextAttempt(new Attempt(500, null), 30, first, NOW)).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(RetryPolicy.nextAttempt(new Attempt(400, null), 1, first, NOW)).as("4xx never retried").isNull();
        assertThat(RetryPolicy.nextAttempt(new Attempt(404, null), 1, first, NOW)).isNull();
        assertThat(RetryPolicy.nextAttempt(new Attempt(200, null), 1, first, NOW)).isNull();
        assertThat(RetryPolicy.nextAttempt(new Attempt(500, null), 12, first, NOW.plus(Duration.ofHours(23))))
                .as("still retried after 23 h").isNotNull();
        assertThat(RetryPolicy.nextAttempt(new Attempt(500, null), 13, first, NOW.plus(Duration.ofHours(25))))
                .as("given up after 26 h").isNull();
        assertThat(RetryPolicy.shouldAutoDisable(NOW, NOW.plus(Duration.ofDays(5)).minusSeconds(1))).isFalse();
        assertThat(RetryPolicy.shouldAutoDisable(NOW, NOW.plus(Duration.ofDays(5)))).isTrue();
    }

    @Test
    void oneMailPerHourForTheSameKind() {
        assertThat(MailThrottle.mayMail(null, NOW)).isTrue();
        assertThat(MailThrottle.mayMail(NOW.minus(Duration.ofMinutes(59)), NOW)).isFalse();
        assertThat(MailThrottle.mayMail(NOW.minus(Duration.ofMinutes(60)), NOW)).isTrue();
    }

    @Test
    void digestFindsErrorsGapsQuietOnesVolumeDropsAndRecoveries() {
        var healthy = new DigestIntegration(1, "Healthy", "Zendesk", DetailedState.ACTIVE, null, null, null,
                NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(1)));
        var failing = new DigestIntegration(2, "Failing", "Salesforce", DetailedState.SYNC_FAILING, "HTTP 500 from API",
                "Check the platform status", null, NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofDays(4)),
                NOW.plus(Duration.ofHours(1)));
        var quiet = new DigestIntegration(3, "Quiet", "Gorgias", DetailedState.ACTIVE, null, null, null,
                NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)));
        var dropping = new DigestIntegration(4, "Dropping", "Zendesk", DetailedState.ACTIVE, null, null,
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(1)));
        var paused = new DigestIntegration(5, "Paused", "Zendesk", DetailedState.INACTIVE, "Marked inactive", null, null,
                NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)), null);

        LocalDate today = LocalDate.of(2026, 11, 22);
        Map<Long, Map<LocalDate, Long>> daily = new HashMap<>();
        Map<LocalDate, Long> dropDays = new HashMap<>();
        Map<LocalDate, Long> steadyDays = new HashMap<>();
        for (int d = 0; d < 35; d++) {
            dropDays.put(today.minusDays(d), d < 7 ? 10L : 100L); // 70 this week against 700/week
            steadyDays.put(today.minusDays(d), 100L);
        }
        daily.put(4L, dropDays);
        daily.put(1L, steadyDays);

        List<DigestLine> lines = WeeklyDigest.compute(List.of(healthy, failing, quiet, dropping, paused), daily, NOW);

        assertThat(lines).extracting(DigestLine::kind, DigestLine::integrationName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DigestLine.Kind.NOT_ACTIVE, "Failing"),
                org.assertj.core.groups.Tuple.tuple(DigestLine.Kind.NOT_ACTIVE, "Paused"),
                org.assertj.core.groups.Tuple.tuple(DigestLine.Kind.DATA_GAP, "Failing"),
                org.assertj.core.groups.Tuple.tuple(DigestLine.Kind.QUIET_OR_OVERDUE, "Quiet"),
                org.assertj.core.groups.Tuple.tuple(DigestLine.Kind.VOLUME_DROP, "Dropping"),
                org.assertj.core.groups.Tuple.tuple(DigestLine.Kind.RECOVERED, "Dropping"));
        assertThat(lines.get(0).text()).isEqualTo("Sync failing: HTTP 500 from API — Check the platform status");
        assertThat(lines.get(0).link()).isEqualTo("conversations/integrations/platforms/2");
        assertThat(lines.get(4).text())
                .isEqualTo("Imported 70 this week against a trailing four-week average of 700 per week (90% lower)");
        // times are read by people in any time zone (mail, webhook, page): minutes, in UTC, said so
        assertThat(lines.get(2).text())
                .isEqualTo("Last ran at Nov 22, 2026 7:00 AM UTC, last data imported Nov 18, 2026 8:00 AM UTC (95 h earlier)");
        assertThat(lines.get(3).text()).isEqualTo("No run since Nov 19, 2026 8:00 AM UTC");
        assertThat(lines.get(5).text()).isEqualTo("Active again since Nov 20, 2026 8:00 AM UTC");
    }
}
