package io.syncwatch.agentrequests.application.port.in;

import java.util.Optional;

import io.syncwatch.agentrequests.domain.AgentKey;
import io.syncwatch.agentrequests.domain.AgentRequest;

/** The Requests API's use case: authenticate the key, validate, log and accept. */
public interface ReceiveAgentRequests {

    /** The key with this clear value, if it exists and is not revoked. */
    Optional<AgentKey> authenticate(String clearKey);

    /** Whether the key's account has Agent Connect (feature flag {@code AGENT_CONNECT}); without it every call is refused. */
    boolean featureEnabled(AgentKey key);

    Receipt receive(AgentKey key, AgentRequest request, String rawBody);

    /** A body that could not be read as a request: logged as invalid with the raw body. */
    Receipt receiveMalformed(AgentKey key, String rawBody, String reason);
}
