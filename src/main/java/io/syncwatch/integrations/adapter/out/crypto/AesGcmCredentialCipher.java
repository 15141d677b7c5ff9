package io.syncwatch.integrations.adapter.out.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.syncwatch.integrations.SourceCredentials;
import io.syncwatch.integrations.application.port.out.CredentialCipher;
import io.syncwatch.platform.SecretKeyring;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * AES-256-GCM with a random 96-bit nonce per value ({@code v1:<base64(nonce|ciphertext|tag)>}).
 * The key is the application's master key ({@link SecretKeyring}: {@code SYNCWATCH_SECRET_KEY}, or
 * a local key file generated once for the demo).
 */
@Component
class AesGcmCredentialCipher implements CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();

    AesGcmCredentialCipher(SecretKeyring keyring) {
        this.key = new SecretKeySpec(keyring.masterKey(), "AES");
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
