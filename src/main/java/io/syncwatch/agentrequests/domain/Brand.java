package io.syncwatch.agentrequests.domain;

/** A brand of the company, identified in requests by its label. */
public record Brand(String label, boolean active) {

    public boolean matches(String given) {
        return Names.key(label).equals(Names.key(given));
    }
}
