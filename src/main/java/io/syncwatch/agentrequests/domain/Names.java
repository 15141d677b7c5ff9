package io.syncwatch.agentrequests.domain;

import java.util.Locale;

/** Comparison keys: labels, codes, channel names and e-mail addresses match case-insensitively, trimmed. */
public final class Names {

    private Names() {
    }

    public static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
