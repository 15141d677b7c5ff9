package io.syncwatch.platform.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.syncwatch.alerts.application.SigningSecrets;

/** One master key for the whole application, from the environment or a generated local file; never a built-in one. */
class LocalSecretKeyringTest {

    @TempDir
    Path dir;

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void theConfiguredKeyIsTheMasterKeyAndNoFileIsWritten() {
        Path file = dir.resolve("secret.key");
        var keyring = new LocalSecretKeyring(key(7), file.toString());

        assertThat(keyring.masterKey()).containsOnly((byte) 7).hasSize(32);
        assertThat(file).doesNotExist();
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndReadBackByTheNextStart() {
        Path file = dir.resolve("data/secret.key");
        var first = new LocalSecretKeyring("", file.toString());
        var second = new LocalSecretKeyring("  ", file.toString());

        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(readString(file))).isEqualTo(first.masterKey());
        assertThat(second.masterKey()).isEqualTo(first.masterKey());
        assertThat(new LocalSecretKeyring("", dir.resolve("other.key").toString()).masterKey())
                .isNotEqualTo(first.masterKey());
    }

    @Test
    void derivedKeysDependOnThePurposeAndTheMasterKey() {
        var keyring = new LocalSecretKeyring(key(1), dir.resolve("k").toString());

        assertThat(keyring.derive("a")).hasSize(32).isEqualTo(keyring.derive("a")).isNotEqualTo(keyring.derive("b"));
        assertThat(keyring.derive("a")).isNotEqualTo(keyring.masterKey());
        assertThat(new LocalSecretKeyring(key(2), dir.resolve("k").toString()).derive("a")).isNotEqualTo(keyring.derive("a"));
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new LocalSecretKeyring("not base64!", dir.resolve("k").toString()))
                .hasMessageContaining("SYNCWATCH_SECRET_KEY is not valid base64");
        assertThatThrownBy(() -> new LocalSecretKeyring(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("k").toString()))
                .hasMessageContaining("must be 32 bytes");
    }

    @Test
    void webhookSigningSecretsAreEncryptedUnderTheApplicationKeySoAnotherKeyCannotReadThem() {
        var secrets = new SigningSecrets(new LocalSecretKeyring(key(3), dir.resolve("k").toString()));
        String secret = secrets.newSecret();
        String stored = secrets.encrypt(secret);

        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(secrets.decrypt(stored)).isEqualTo(secret);
        var otherInstallation = new SigningSecrets(new LocalSecretKeyring(key(4), dir.resolve("k").toString()));
        assertThatThrownBy(() -> otherInstallation.decrypt(stored)).hasMessageContaining("cannot decrypt");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
