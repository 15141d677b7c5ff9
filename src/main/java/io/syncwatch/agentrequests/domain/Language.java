package io.syncwatch.agentrequests.domain;

/** A language of the company, identified by its code such as {@code en} or {@code fr-CA}. */
public record Language(String code, boolean active) {

    public boolean matches(String given) {
        return Names.key(code).equals(Names.key(given));
    }
}
