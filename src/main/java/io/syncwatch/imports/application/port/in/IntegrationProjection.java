package io.syncwatch.imports.application.port.in;

import io.syncwatch.integrations.IntegrationSnapshot;

/** Keeps this module's view of integrations in step with the integrations module's events. */
public interface IntegrationProjection {

    void apply(IntegrationSnapshot integration);
}
