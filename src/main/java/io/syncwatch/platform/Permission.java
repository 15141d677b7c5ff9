package io.syncwatch.platform;

import org.jspecify.annotations.Nullable;

/**
 * Permissions granted per user. A permission is effective only while the account has the
 * feature flag it needs; effective permissions become the Spring Security roles that views
 * ({@code @RolesAllowed(Permission.Names.X)}) and endpoints check.
 */
public enum Permission {

    MANAGE_INTEGRATIONS("Manage Integrations", "View integration status and edit configuration", FeatureFlag.INTEGRATIONS),
    VIEW_IMPORTED_CONTACTS("View Imported Contacts", "Confirm which contacts have arrived", FeatureFlag.INTEGRATIONS),
    AGENT_CONNECT_OPERATOR("Agent Connect Operator", "View the API Status page and company settings", FeatureFlag.AGENT_CONNECT),
    ACCOUNT_ADMIN("Account Admin", "Users, API keys and feature flags of the own account", null);

    /** Compile-time constants for annotations such as {@code @RolesAllowed}. */
    public static final class Names {
        public static final String MANAGE_INTEGRATIONS = "MANAGE_INTEGRATIONS";
        public static final String VIEW_IMPORTED_CONTACTS = "VIEW_IMPORTED_CONTACTS";
        public static final String AGENT_CONNECT_OPERATOR = "AGENT_CONNECT_OPERATOR";
        public static final String ACCOUNT_ADMIN = "ACCOUNT_ADMIN";
        /** Granted to callers authenticated with an account API key on {@code /api/v1/**}. */
        public static final String API_CLIENT = "API_CLIENT";
        /** An API client whose account has the {@code INTEGRATIONS} flag. */
        public static final String API_INTEGRATIONS = "API_INTEGRATIONS";

        private Names() {
        }
    }

    private final String label;
    private final String description;
    private final @Nullable FeatureFlag requiredFlag;

    Permission(String label, String description, @Nullable FeatureFlag requiredFlag) {
        this.label = label;
        this.description = description;
        this.requiredFlag = requiredFlag;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public @Nullable FeatureFlag requiredFlag() {
        return requiredFlag;
    }

    /** The Spring Security authority of this permission. */
    public String authority() {
        return "ROLE_" + name();
    }
}
