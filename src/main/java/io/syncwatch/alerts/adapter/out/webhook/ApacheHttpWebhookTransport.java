package io.syncwatch.alerts.adapter.out.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.syncwatch.alerts.application.AlertsProperties;
import io.syncwatch.alerts.application.port.out.WebhookTransport;
import io.syncwatch.alerts.domain.InvalidWebhookUrl;
import io.syncwatch.alerts.domain.WebhookUrlPolicy;

/**
 * Posts webhooks with Apache HttpClient 5: no redirects followed, no automatic retries, connect
 * and read timeouts. Its {@link DnsResolver} resolves the host once through the URL policy, which
 * refuses private, loopback, link-local … addresses, and the client connects only to the
 * addresses that check returned: a DNS answer that changes between check and connection (DNS
 * rebinding) is never used. TLS still uses the host name (SNI and certificate host verification).
 */
@Component
class ApacheHttpWebhookTransport implements WebhookTransport {

    private final WebhookUrlPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;
    private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createSystemDefault();

    @Autowired
    ApacheHttpWebhookTransport(WebhookUrlPolicy policy, AlertsProperties properties, Clock clock) {
        this(policy, properties.connectTimeout(), properties.readTimeout(), clock);
    }

    ApacheHttpWebhookTransport(WebhookUrlPolicy policy, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** A refused resolution, carried through the client's DNS hook (which may only throw UnknownHostException). */
    static final class Refused extends UnknownHostException {

        private final InvalidWebhookUrl reason;

        Refused(InvalidWebhookUrl reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    /** Resolves the target's host once per request, through the URL policy; other hosts are refused. */
    static final class CheckedResolver implements DnsResolver {

        private final WebhookUrlPolicy policy;
        private final URI target;

        CheckedResolver(WebhookUrlPolicy policy, URI target) {
            this.policy = policy;
            this.target = target;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String expected = target.getHost();
            String bare = expected.startsWith("[") ? expected.substring(1, expected.length() - 1) : expected;
            if (!host.equalsIgnoreCase(bare) && !host.equalsIgnoreCase(expected)) {
                throw new UnknownHostException("Only the webhook's own host is resolved: " + host);
            }
            try {
                return policy.resolveChecked(target).toArray(InetAddress[]::new);
            } catch (InvalidWebhookUrl e) {
                throw new Refused(e);
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    private CloseableHttpClient client(URI url) {
        // one client (and connection) per request: its resolver is bound to this URL's policy check
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(policy, url))
                .setTlsSocketStrategy(tls)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout)).build())
                .build();
        return HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().build();
    }

    @Override
    public Response post(URI url, String body, Map<String, String> headers) {
        policy.checkSyntax(url.toString()); // again at send time: numeric spellings, credentials, scheme
        var request = new HttpPost(url);
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        long started = System.nanoTime();
        try (CloseableHttpClient client = client(url)) {
            return client.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Response(response.getCode(), retryAfter(retryAfter == null ? null : retryAfter.getValue()),
                        (System.nanoTime() - started) / 1_000_000, null);
            });
        } catch (Refused e) {
            throw e.reason;
        } catch (SocketTimeoutException e) { // read timeout, and connect timeout (ConnectTimeoutException)
            return new Response(null, null, (System.nanoTime() - started) / 1_000_000, "Timed out");
        } catch (IOException e) {
            return new Response(null, null, (System.nanoTime() - started) / 1_000_000,
                    "Connection failed: " + e.getClass().getSimpleName());
        }
    }

    /** Retry-After as seconds or as an HTTP date. */
    @Nullable Duration retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                var at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
