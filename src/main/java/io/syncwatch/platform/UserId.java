package io.syncwatch.platform;

/** Identifies a user of the console. */
public record UserId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
