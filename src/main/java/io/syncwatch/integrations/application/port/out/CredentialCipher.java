package io.syncwatch.integrations.application.port.out;

import io.syncwatch.integrations.SourceCredentials;

/** Encrypts credentials for storage (AES-GCM) and decrypts them for a run or a test. */
public interface CredentialCipher {

    String encrypt(SourceCredentials credentials);

    SourceCredentials decrypt(String encrypted);
}
