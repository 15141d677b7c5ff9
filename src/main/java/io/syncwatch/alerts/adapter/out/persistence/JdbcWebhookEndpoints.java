package io.syncwatch.alerts.adapter.out.persistence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.alerts.application.port.out.WebhookEndpoints;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;

/**
 * Webhook endpoints as a Spring Data JDBC aggregate (issue 19, decisions 0021 and 0023): one row
 * each ({@link WebhookEndpointRows}, table {@code health_webhook_endpoint}), read and written whole.
 * A change reads the row locked, applies the domain's change and saves it in one transaction, so a
 * dispatcher recording a failure after a slow POST cannot write back a state an admin changed
 * meanwhile (a disable, a rotated secret).
 */
@Repository
class JdbcWebhookEndpoints implements WebhookEndpoints {

    private final WebhookEndpointRows rows;

    JdbcWebhookEndpoints(WebhookEndpointRows rows) {
        this.rows = rows;
    }

    @Override
    public WebhookEndpoint add(WebhookEndpoint endpoint, String secretCipher) {
        WebhookEndpointRow saved = rows.save(new WebhookEndpointRow(null, endpoint.accountId(), endpoint.url(),
                endpoint.description(), types(endpoint.eventTypes()), endpoint.enabled(), secretCipher,
                endpoint.failingSince(), endpoint.disabledReason(), endpoint.createdAt()));
        return endpoint.withId(saved.id());
    }

    @Override
    public List<WebhookEndpoint> list(AccountId account) {
        return rows.findByAccountIdOrderByIdAsc(account.value()).stream().map(JdbcWebhookEndpoints::endpoint).toList();
    }

    @Override
    public Optional<WebhookEndpoint> find(AccountId account, long endpointId) {
        return rows.findByIdAndAccountId(endpointId, account.value()).map(JdbcWebhookEndpoints::endpoint);
    }

    @Override
    @Transactional
    public Optional<WebhookEndpoint> change(AccountId account, long endpointId, UnaryOperator<WebhookEndpoint> change) {
        return rows.findForUpdateByIdAndAccountId(endpointId, account.value()).map(row -> {
            WebhookEndpoint changed = change.apply(endpoint(row));
            rows.save(new WebhookEndpointRow(row.id(), row.accountId(), changed.url(), changed.description(),
                    types(changed.eventTypes()), changed.enabled(), row.secretCipher(), changed.failingSince(),
                    changed.disabledReason(), row.createdAt()));
            return changed;
        });
    }

    @Override
    @Transactional
    public void replaceSecret(AccountId account, long endpointId, String secretCipher) {
        rows.findForUpdateByIdAndAccountId(endpointId, account.value())
                .ifPresent(row -> rows.save(row.withSecretCipher(secretCipher)));
    }

    @Override
    public Optional<String> secretCipher(AccountId account, long endpointId) {
        return rows.findByIdAndAccountId(endpointId, account.value()).map(WebhookEndpointRow::secretCipher);
    }

    /** Stored as the types' names, sorted, separated by commas. */
    private static String types(Set<WebhookEventType> types) {
        return types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** Names no longer known (or stored another way) are skipped. */
    private static WebhookEndpoint endpoint(WebhookEndpointRow row) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(row.eventTypes().split(",")).map(WebhookEventType::byName).flatMap(Optional::stream)
                .forEach(types::add);
        return new WebhookEndpoint(row.id(), row.accountId(), row.url(), row.description(), types, row.enabled(),
                row.failingSince(), row.disabledReason(), row.createdAt());
    }
}
