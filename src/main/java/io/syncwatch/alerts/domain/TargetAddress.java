package io.syncwatch.alerts.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Canonical forms of a webhook target's address, for the SSRF guard. An address is judged by
 * every IPv4 address it stands for, not by its spelling:
 * <ul>
 * <li>IPv6 forms that carry an IPv4 address: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16} and Teredo
 * {@code 2001::/32} (its server and its client address);</li>
 * <li>the IPv4 spellings that {@code inet_aton} (and so curl, browsers and many resolvers)
 * accept: octal {@code 0177.0.0.1}, hex {@code 0x7f.0.0.1}, short dotted {@code 127.1} and a plain
 * number {@code 2130706433}.</li>
 * </ul>
 */
public final class TargetAddress {

    private TargetAddress() {
    }

    /**
     * The host as {@code inet_aton} reads it, when it is a numeric IPv4 form (one to four parts,
     * each decimal, octal with a leading 0 or hex with 0x); empty for a host name.
     */
    public static Optional<Inet4Address> numericIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || !h.matches("(?i)[0-9a-fx.]+") || !Character.isDigit(h.charAt(0))) {
            return Optional.empty();
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long lastMax = (1L << (8 * (4 - last))) - 1;
        if (values[last] > lastMax) {
            return Optional.empty();
        }
        address |= values[last];
        return Optional.of(ipv4(address));
    }

    /** True when the host is written as four plain decimal numbers (no leading zeros), the one unambiguous IPv4 form. */
    public static boolean isDottedDecimal(String host) {
        return host.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    }

    private static Long number(String part) {
        try {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.startsWith("0x")) {
                return p.length() == 2 ? 0L : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            return Long.parseLong(p, 10);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every address this one stands for: itself, plus the IPv4 addresses an IPv6 form embeds. */
    public static List<InetAddress> meanings(InetAddress address) {
        List<InetAddress> all = new ArrayList<>();
        all.add(address);
        if (!(address instanceof Inet6Address)) {
            return all;
        }
        byte[] b = address.getAddress();
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            all.add(ipv4(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
        } else if (isZero(b, 0, 12) && !isZero(b, 12, 16) && !(isZero(b, 12, 15) && b[15] == 1)) {
            all.add(ipv4(b, 12)); // IPv4-compatible ::a.b.c.d (not :: and not ::1)
        } else if (word(b, 0) == 0x0064 && word(b, 2) == 0xff9b && isZero(b, 4, 12)) {
            all.add(ipv4(b, 12)); // NAT64 64:ff9b::/96
        } else if (word(b, 0) == 0x2002) {
            all.add(ipv4(b, 2)); // 6to4 2002:aabb:ccdd::/48
        } else if (word(b, 0) == 0x2001 && word(b, 2) == 0x0000) {
            all.add(ipv4(b, 4)); // Teredo server
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~b[12 + i];
            }
            all.add(ipv4(client, 0)); // Teredo client (obfuscated)
        }
        return all;
    }

    /** True when neither the address nor any IPv4 address it embeds is private, loopback, link-local or otherwise internal. */
    public static boolean isPublic(InetAddress address) {
        return meanings(address).stream().allMatch(TargetAddress::isPublicAsWritten);
    }

    /** True when the address, or an IPv4 address it embeds, is a loopback address. */
    public static boolean isLoopback(InetAddress address) {
        return meanings(address).stream().anyMatch(InetAddress::isLoopbackAddress);
    }

    /** The IPv4 address an IPv6 form stands for, for messages ({@code ::7f00:1 = 127.0.0.1}). */
    public static String describe(InetAddress address) {
        List<InetAddress> all = meanings(address);
        StringBuilder text = new StringBuilder(address.getHostAddress());
        for (int i = 1; i < all.size(); i++) {
            text.append(i == 1 ? " = " : ", ").append(all.get(i).getHostAddress());
        }
        return text.toString();
    }

    private static boolean isPublicAsWritten(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (word(b, 0) == 0x0064 && word(b, 2) == 0xff9b && word(b, 4) == 0x0001) {
                return false; // 64:ff9b:1::/48 local-use NAT64 (RFC 8215): embedding not fixed
            }
            if (word(b, 0) == 0x0100 && isZero(b, 2, 8)) {
                return false; // 100::/64 discard-only
            }
            return true;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0 || first >= 240) {
            return false; // "this network", reserved and broadcast
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return false; // 100.64.0.0/10 carrier-grade NAT
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return false; // 192.0.0.0/24 IETF protocol assignments
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return false; // 198.18.0.0/15 benchmarking
        }
        return true;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static Inet4Address ipv4(byte[] b, int at) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] { b[at], b[at + 1], b[at + 2], b[at + 3] });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static Inet4Address ipv4(long value) {
        return ipv4(new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value }, 0);
    }
}
