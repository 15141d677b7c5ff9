package io.syncwatch.testsupport;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.test.context.TestComponent;

import io.syncwatch.integrations.FilterField;
import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.SourcePlatformCatalog;

/**
 * A source platform for tests that need the catalogue without a real connector: credential
 * {@code token} (the value {@value #REJECTED_TOKEN} fails the connection test) and a region.
 */
@TestComponent
public class TestPlatforms implements SourcePlatformCatalog {

    public static final String KEY = "test-helpdesk";
    public static final String REJECTED_TOKEN = "rejected-token";

    @Override
    public List<PlatformDescriptor> platforms() {
        return List.of(new PlatformDescriptor(KEY, "Test helpdesk", "A helpdesk for tests",
                List.of(new CredentialField("token", "API token", true, true, List.of(), "The token"),
                        new CredentialField("region", "Region", false, true, List.of("us", "eu"), "Data region")),
                true, "Ticket ID", EnumSet.allOf(FilterField.class), List.of("open", "pending", "closed"),
                Set.of("closed")));
    }

    @Override
    public ConnectionCheck testConnection(String platformKey, SourceCredentials credentials) {
        if (REJECTED_TOKEN.equals(credentials.get("token"))) {
            return ConnectionCheck.failed("Authentication failed", "The token was rejected (HTTP 401 Unauthorized)");
        }
        return ConnectionCheck.success("Connected to the test helpdesk");
    }
}
