package io.syncwatch.agentrequests.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants are stored as UTC DATETIME(6) values, independent of the JVM's zone. */
final class Timestamps {

    private Timestamps() {
    }

    static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
