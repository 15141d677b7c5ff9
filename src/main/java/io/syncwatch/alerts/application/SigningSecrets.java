package io.syncwatch.alerts.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.syncwatch.platform.SecretKeyring;
import org.springframework.stereotype.Component;

/**
 * Creates webhook signing secrets and keeps them encrypted at rest: AES-256-GCM with a key
 * derived (SHA-256, domain-separated) from the application's master key ({@link SecretKeyring}:
 * {@code SYNCWATCH_SECRET_KEY}, or the local key file generated for the demo — never a built-in key). The HMAC
 * needs the clear secret, so it cannot be hashed; it is shown to the admin once and never again.
 */
@Component
public class SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SigningSecrets(SecretKeyring keyring) {
        this.key = new SecretKeySpec(keyring.derive("syncwatch.health.alerts.webhook-secret"), "AES");
    }

    public String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return "whsec_" + HexFormat.of().formatHex(b);
    }

    public String encrypt(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String decrypt(String cipherText) {
        try {
            byte[] all = Base64.getDecoder().decode(cipherText.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a webhook signing secret (was syncwatch.secret-key changed?)");
        }
    }
}
