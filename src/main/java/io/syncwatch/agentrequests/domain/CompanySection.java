package io.syncwatch.agentrequests.domain;

/** The sections of the Company Info page, used to point a fix at the right setting. */
public enum CompanySection {
    CHANNELS("channels"), BRANDS("brands"), LANGUAGES("languages"), EMPLOYEES("employees"), KEYS("keys"), NONE("");

    private final String anchor;

    CompanySection(String anchor) {
        this.anchor = anchor;
    }

    public String anchor() {
        return anchor;
    }
}
