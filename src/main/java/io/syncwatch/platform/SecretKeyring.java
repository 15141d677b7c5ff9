package io.syncwatch.platform;

/**
 * The application's secret key, from which every module's encryption keys come: the one place
 * that decides where it is kept ({@code SYNCWATCH_SECRET_KEY}, or a local key file generated once
 * for the demo), so no module falls back to a key of its own.
 */
public interface SecretKeyring {

    /** The 32-byte master key itself (a copy). */
    byte[] masterKey();

    /**
     * A 32-byte key for one purpose, derived from the master key (SHA-256 over the purpose and the
     * key's text), so keys of different purposes are independent of each other.
     */
    byte[] derive(String purpose);
}
