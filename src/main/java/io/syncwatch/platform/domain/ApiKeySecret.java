package io.syncwatch.platform.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A freshly generated API key: the clear value is shown once, only the hash is stored. */
public record ApiKeySecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "sw_";

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(PREFIX + HexFormat.of().formatHex(bytes));
    }

    public String hash() {
        return sha256(value);
    }

    /** What is shown in lists to recognise a key: its first characters. */
    public String displayPrefix() {
        return value.substring(0, Math.min(value.length(), 10));
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + displayPrefix() + "…]";
    }
}
