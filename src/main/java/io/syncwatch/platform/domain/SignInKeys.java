package io.syncwatch.platform.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The keys of the shared sign-in budgets: a login by the SHA-256 of its normalised form (no
 * e-mail addresses in the budget table, fixed length), an IP address as written, an IPv6
 * address by its /64 (one subscriber's block counts as one address).
 */
public final class SignInKeys {

    private SignInKeys() {
    }

    public static String normalisedLogin(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    public static String login(String login) {
        return "login:" + sha256(normalisedLogin(login));
    }

    public static String lock(String login) {
        return "lock:" + sha256(normalisedLogin(login));
    }

    public static String ip(String address) {
        if (address.indexOf(':') >= 0) {
            try {
                InetAddress parsed = InetAddress.getByName(address.replaceFirst("%.*$", ""));
                if (parsed instanceof Inet6Address) {
                    byte[] b = parsed.getAddress();
                    return "ip6:" + HexFormat.of().formatHex(b, 0, 8) + "/64";
                }
                return "ip:" + parsed.getHostAddress();
            } catch (UnknownHostException e) {
                return "ip:" + sha256(address);
            }
        }
        return "ip:" + address;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
