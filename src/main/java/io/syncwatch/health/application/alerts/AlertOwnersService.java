package io.syncwatch.health.application.alerts;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.syncwatch.health.application.port.in.alerts.AlertOwners;
import io.syncwatch.health.application.port.in.alerts.WebhookNotFound;
import io.syncwatch.health.application.port.out.alerts.AlertRouting;
import io.syncwatch.health.application.port.out.alerts.DigestProjection;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.CurrentUser;

/** Per-integration alert owners of the caller's account. */
@Service
@Transactional
class AlertOwnersService implements AlertOwners {

    private final CurrentUser currentUser;
    private final AlertRouting routing;
    private final DigestProjection projection;

    AlertOwnersService(CurrentUser currentUser, AlertRouting routing, DigestProjection projection) {
        this.currentUser = currentUser;
        this.routing = routing;
        this.projection = projection;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Routing> routing() {
        AccountId account = currentUser.accountId();
        Map<Long, String> owners = routing.owners(account);
        return projection.integrations(account).stream().map(i -> new Routing(i.integrationId(), i.name(), i.platform(),
                owners.getOrDefault(i.integrationId(), ""))).toList();
    }

    @Override
    public void setOwner(long integrationId, String recipients) {
        AccountId account = currentUser.accountId();
        projection.findIntegration(account, integrationId).orElseThrow(WebhookNotFound::new);
        for (String address : AlertMailing.split(recipients)) {
            if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("Not an e-mail address: " + address);
            }
        }
        routing.setOwner(account, integrationId, String.join(", ", AlertMailing.split(recipients)));
    }
}
