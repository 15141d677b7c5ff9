package io.syncwatch.alerts.domain;

import io.syncwatch.platform.ConsoleRoutes;

/** One finding of the digest, linking to the integration's page. */
public record DigestLine(Kind kind, long integrationId, String integrationName, String text) {

    public enum Kind {
        NOT_ACTIVE("Not active"), WARNINGS("Running with warnings"), DATA_GAP("Runs without new data"), QUIET_OR_OVERDUE("Quiet or overdue"),
        VOLUME_DROP("Sudden drop in import volume"), RECOVERED("Recovered since last week");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String link() {
        return ConsoleRoutes.integration(integrationId);
    }
}
