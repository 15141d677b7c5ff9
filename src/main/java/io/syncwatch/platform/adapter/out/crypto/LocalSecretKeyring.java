package io.syncwatch.platform.adapter.out.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.syncwatch.platform.SecretKeyring;
import io.syncwatch.platform.application.PlatformProperties;

/**
 * The key comes from {@code syncwatch.secret-key} (env {@code SYNCWATCH_SECRET_KEY}, base64 of 32
 * bytes); without one, a key is generated once and kept in {@code syncwatch.secret-key-file}
 * (default {@code ./data/secret.key}) with a warning — fine for the demo, never for production.
 * The key itself is never logged.
 */
@Component
class LocalSecretKeyring implements SecretKeyring {

    private static final Logger log = LoggerFactory.getLogger(LocalSecretKeyring.class);

    private final byte[] key;
    /** The key as configured (base64 text): derivations hash it, as the first ones did. */
    private final String keyText;

    @Autowired
    LocalSecretKeyring(PlatformProperties properties) {
        this(properties.secretKey(), properties.secretKeyFile());
    }

    LocalSecretKeyring(String configuredKey, String keyFile) {
        this.keyText = resolveKeyText(configuredKey, Path.of(keyFile));
        this.key = decodeKey(keyText, configuredKey.isBlank() ? keyFile : "SYNCWATCH_SECRET_KEY");
    }

    @Override
    public byte[] masterKey() {
        return key.clone();
    }

    @Override
    public byte[] derive(String purpose) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + ":" + keyText).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resolveKeyText(String configured, Path file) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        try {
            if (Files.exists(file)) {
                log.warn("No SYNCWATCH_SECRET_KEY set: using the local key in {} (set the variable in production)", file);
                return Files.readString(file).strip();
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            String text = Base64.getEncoder().encodeToString(generated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            log.warn("No SYNCWATCH_SECRET_KEY set: generated a local key in {} to encrypt source credentials and webhook "
                    + "secrets. Set SYNCWATCH_SECRET_KEY in production; losing the key means reconnecting every integration.",
                    file);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the local secret key " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (base64), got " + bytes.length);
        }
        return bytes;
    }
}
