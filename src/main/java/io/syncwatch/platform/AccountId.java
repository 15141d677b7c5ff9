package io.syncwatch.platform;

/** Identifies an account (tenant). Every row of account data carries one. */
public record AccountId(long value) {

    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("account id must be positive");
        }
    }

    public static AccountId of(long value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
