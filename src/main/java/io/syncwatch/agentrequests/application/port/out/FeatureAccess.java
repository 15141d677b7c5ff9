package io.syncwatch.agentrequests.application.port.out;

import io.syncwatch.platform.AccountId;

/** Whether an account has the Agent Connect feature (flag {@code AGENT_CONNECT}). */
public interface FeatureAccess {

    boolean agentConnectEnabled(AccountId account);
}
