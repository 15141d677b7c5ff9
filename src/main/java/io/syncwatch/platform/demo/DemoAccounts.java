package io.syncwatch.platform.demo;

/** Names of the accounts the demo profile creates; other modules seed their demo data into them. */
public final class DemoAccounts {

    /** Has both features, users for every permission set. */
    public static final String ACME = "Acme Support";

    /** Has Integrations only (Agent Connect is switched off). */
    public static final String GLOBEX = "Globex Retail";

    /** Password of every demo user. */
    public static final String PASSWORD = "syncwatch-demo";

    private DemoAccounts() {
    }
}
