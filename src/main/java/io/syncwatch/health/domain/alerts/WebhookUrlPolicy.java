package io.syncwatch.health.domain.alerts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * SSRF guard for webhook targets: HTTPS only; the host must resolve, and every address it
 * resolves to must be public (no loopback, private, link-local, multicast, any-local or IPv6
 * unique-local). Only when loopback is explicitly allowed (demo run, tests) may a loopback
 * target be used, and then also over plain HTTP.
 */
public final class WebhookUrlPolicy {

    /** Resolves a host name to its addresses (injectable for tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private final boolean allowLoopback;
    private final Resolver resolver;

    public WebhookUrlPolicy(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    /** Returns the parsed URI or throws {@link InvalidWebhookUrl} naming the broken rule (resolves the host). */
    public URI check(String url) {
        URI uri = checkSyntax(url);
        resolveChecked(uri);
        return uri;
    }

    /**
     * The rules that need no DNS: a valid http(s) URL with a host and no credentials. The address
     * rules are applied by {@link #resolveChecked(URI)}, to the resolution the connection uses.
     */
    public URI checkSyntax(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidWebhookUrl("Not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        String host = uri.getHost();
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidWebhookUrl("Use an https:// URL with a host name");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidWebhookUrl("Credentials in the URL are not allowed");
        }
        return uri;
    }

    /**
     * Resolves the URL's host once and returns its addresses if every one of them is allowed
     * (public; or, when loopback is allowed, all loopback, then also over plain http). A sender
     * connects only to the addresses returned here, so DNS cannot change between check and
     * connection.
     */
    public List<InetAddress> resolveChecked(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        String host = uri.getHost();
        if (host == null) {
            throw new InvalidWebhookUrl("Use an https:// URL with a host name");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new InvalidWebhookUrl("The host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new InvalidWebhookUrl("The host " + host + " does not resolve");
        }
        boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (allowLoopback && allLoopback) {
            return List.copyOf(addresses);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new InvalidWebhookUrl("The host " + host + " points to a private, loopback or link-local address ("
                        + address.getHostAddress() + "): webhooks go to public addresses only");
            }
        }
        if (!scheme.equals("https")) {
            throw new InvalidWebhookUrl("Use an https:// URL: plain http is not allowed");
        }
        return List.copyOf(addresses);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 100 && second >= 64 && second <= 127) {
            return false; // 100.64.0.0/10 carrier-grade NAT
        }
        return first != 0;
    }
}
