package io.syncwatch.health.application.port.in.alerts;

import java.util.List;

/** Who gets an integration's alert mails (caller's account; MANAGE_INTEGRATIONS). */
public interface AlertOwners {

    /** An integration known to alerts and its owner (blank: the account admins). */
    record Routing(long integrationId, String integrationName, String platform, String owner) {
    }

    List<Routing> routing();

    /** Sets the owner: e-mail addresses separated by commas or spaces; blank resets to the admins. */
    void setOwner(long integrationId, String recipients);
}
