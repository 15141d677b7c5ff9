package io.syncwatch.platform;

/**
 * The console's routes that more than one module links to (views, tabs, mails), written once.
 * The view that serves a route declares it with {@code @Route(ConsoleRoutes.X)}; every link to it
 * uses the same constant, so a route moves in one place. Routes only one module links to stay
 * with that module's views.
 */
public final class ConsoleRoutes {

    /** Conversations › Integrations › Platforms: the health of every integration (health). */
    public static final String PLATFORMS = "conversations/integrations/platforms";

    /** Conversations › Integrations › Imported contacts & filters (imports). */
    public static final String CONTACTS = "conversations/integrations/contacts";

    /** Connect a new integration (integrations). */
    public static final String CONNECT_INTEGRATION = PLATFORMS + "/connect";

    /** The deleted integrations (integrations). */
    public static final String DELETED_INTEGRATIONS = PLATFORMS + "/deleted";

    /** One integration's page (integrations), as the view's route template; links use {@link #integration(long)}. */
    public static final String INTEGRATION = PLATFORMS + "/:integrationId([0-9]+)";

    /** The weekly digest (alerts). */
    public static final String WEEKLY_DIGEST = "conversations/integrations/digest";

    private ConsoleRoutes() {
    }

    /** The page of one integration. */
    public static String integration(long integrationId) {
        return PLATFORMS + "/" + integrationId;
    }
}
