package io.syncwatch.integrations.adapter.out.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.application.port.out.CredentialCipher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * AES-256-GCM with a random 96-bit nonce per value ({@code v1:<base64(nonce|ciphertext|tag)>}).
 * The key comes from {@code syncwatch.secret-key} (env {@code SYNCWATCH_SECRET_KEY}, base64 of
 * 32 bytes); without one, a key is generated once and kept in {@code ./data/secret.key} with a
 * warning — fine for the demo, never for production.
 */
@Component
class AesGcmCredentialCipher implements CredentialCipher {

    private static final Logger log = LoggerFactory.getLogger(AesGcmCredentialCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    AesGcmCredentialCipher(@Value("${syncwatch.secret-key:}") String configuredKey,
            @Value("${syncwatch.secret-key-file:./data/secret.key}") String keyFile) {
        this.key = new SecretKeySpec(resolveKey(configuredKey, Path.of(keyFile)), "AES");
    }

    private static byte[] resolveKey(String configured, Path file) {
        if (!configured.isBlank()) {
            return decodeKey(configured.strip(), "SYNCWATCH_SECRET_KEY");
        }
        try {
            if (Files.exists(file)) {
                log.warn("No SYNCWATCH_SECRET_KEY set: using the local key in {} (set the variable in production)", file);
                return decodeKey(Files.readString(file).strip(), file.toString());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            log.warn("No SYNCWATCH_SECRET_KEY set: generated a local key in {} to encrypt source credentials. "
                    + "Set SYNCWATCH_SECRET_KEY in production; losing the key means reconnecting every integration.", file);
            return generated;
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

    @Override
    public String encrypt(SourceCredentials credentials) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] plain = json.writeValueAsString(new java.util.TreeMap<>(credentials.values()))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt credentials", e);
        }
    }

    @Override
    public SourceCredentials decrypt(String encrypted) {
        if (!encrypted.startsWith("v1:")) {
            throw new IllegalStateException("Unknown credential format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(encrypted.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            Map<String, String> values = json.readValue(new String(plain, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, String>>() {
                    });
            return new SourceCredentials(values);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt credentials (wrong SYNCWATCH_SECRET_KEY?)", e);
        }
    }
}
