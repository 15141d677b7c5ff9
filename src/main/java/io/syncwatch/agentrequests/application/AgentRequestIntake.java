package io.syncwatch.agentrequests.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.syncwatch.agentrequests.AgentConnectRequestAccepted;
import io.syncwatch.agentrequests.application.port.in.ReceiveAgentRequests;
import io.syncwatch.agentrequests.application.port.in.Receipt;
import io.syncwatch.agentrequests.application.port.out.AgentKeys;
import io.syncwatch.agentrequests.application.port.out.Companies;
import io.syncwatch.agentrequests.application.port.out.FeatureAccess;
import io.syncwatch.agentrequests.application.port.out.RequestLog;
import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;
import io.syncwatch.agentrequests.domain.KeyKind;
import io.syncwatch.agentrequests.domain.LoggedRequest;
import io.syncwatch.agentrequests.domain.Names;
import io.syncwatch.agentrequests.domain.RequestValidator;
import io.syncwatch.agentrequests.domain.ValidationOutcome;
import io.syncwatch.agentrequests.domain.KeyHash;

/**
 * Receives Connect requests: validates them against the company settings, logs test-key and
 * failed requests, and publishes {@link AgentConnectRequestAccepted} for valid production requests.
 */
@Service
class AgentRequestIntake implements ReceiveAgentRequests {

    private final AgentKeys keys;
    private final Companies companies;
    private final RequestLog log;
    private final FeatureAccess features;
    private final Clock clock;
    private final RequestValidator validator = new RequestValidator();

    AgentRequestIntake(AgentKeys keys, Companies companies, RequestLog log, FeatureAccess features, Clock clock) {
        this.features = features;
        this.keys = keys;
        this.companies = companies;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Optional<AgentKey> authenticate(String clearKey) {
        if (KeyKind.ofKey(clearKey).isEmpty()) {
            return Optional.empty();
        }
        return keys.findByHash(KeyHash.of(clearKey)).filter(k -> !k.revoked());
    }

    @Override
    public boolean featureEnabled(AgentKey key) {
        return features.agentConnectEnabled(key.accountId());
    }

    /**
     * The log row and an accepted request's event are committed by the request log, in one
     * transaction shared with concurrent requests' (the event publication registry records the
     * event in it), before this returns.
     */
    @Override
    public Receipt receive(AgentKey key, AgentRequest request, String rawBody) {
        var employee = request.employeeEmail() == null || request.employeeEmail().isBlank() ? Optional.<io.syncwatch.agentrequests.domain.Employee>empty()
                : companies.employee(key.accountId(), Names.key(request.employeeEmail()));
        ValidationOutcome outcome = validator.validate(request, key.kind(), companies.settings(key.accountId()), employee);
        Instant now = clock.instant();
        String requestId = newRequestId();
        int status = outcome.valid() ? Receipt.ACCEPTED : Receipt.UNPROCESSABLE;
        AgentRequest resolved = new AgentRequest(request.employeeEmail(), request.customerName(), request.customerEmail(),
                request.channel(), outcome.valid() ? outcome.resolvedBrand() : request.brand(),
                outcome.valid() ? outcome.resolvedLanguage() : request.language(), request.reference());
        LoggedRequest logged = new LoggedRequest(requestId, key.accountId(), now, key.id(), key.name(), key.kind(), status,
                outcome.errors(), null, resolved, rawBody);
        AgentConnectRequestAccepted accepted = null;
        if (outcome.valid() && key.kind() == KeyKind.PRODUCTION) {
            accepted = new AgentConnectRequestAccepted(requestId, key.accountId(), Names.key(nonNull(request.employeeEmail())),
                    nonNull(request.customerName()).strip(), nonNull(request.customerEmail()).strip(),
                    Names.key(nonNull(request.channel())), outcome.resolvedBrand(), outcome.resolvedLanguage(),
                    request.reference(), now);
        }
        if (logged.logged() || accepted != null) {
            log.append(logged, accepted);
        }
        return new Receipt(requestId, status, outcome.errors(), outcome.resolvedBrand(), outcome.resolvedLanguage(),
                request.reference());
    }

    @Override
    public Receipt receiveMalformed(AgentKey key, String rawBody, String reason) {
        String requestId = newRequestId();
        AgentRequest empty = new AgentRequest(null, null, null, null, null, null, null);
        log.append(new LoggedRequest(requestId, key.accountId(), clock.instant(), key.id(), key.name(), key.kind(),
                Receipt.MALFORMED, List.of(), reason, empty, rawBody));
        return new Receipt(requestId, Receipt.MALFORMED, List.of(), null, null, null);
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }

    /**
     * The time in milliseconds (12 hex digits) then 80 random bits (20 hex digits), 36 characters in all: ids sort by
     * time, so the log's unique index on them grows at its end instead of at random pages (which
     * matters once the index no longer fits in memory); a clash stays out of reach (80 random bits
     * per millisecond) and would be refused by that unique index rather than overwrite anything.
     * Not a secret (every lookup by id is scoped to the key's account), so a thread-local generator
     * rather than UUID's SecureRandom (9% of a request's CPU in the load profile).
     */
    String newRequestId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "req_" + hex.toHexDigits(clock.millis()).substring(4) + hex.toHexDigits(random.nextLong())
                + hex.toHexDigits((short) random.nextInt());
    }
}
