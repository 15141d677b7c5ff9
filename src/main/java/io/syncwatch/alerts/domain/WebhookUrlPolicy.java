package io.syncwatch.alerts.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * SSRF guard for webhook targets: HTTPS only; the host must resolve, and every address it
 * resolves to must be public (no loopback, private, link-local, multicast, any-local or IPv6
 * unique-local), judged by what it stands for ({@link TargetAddress}: IPv4 embedded in IPv6
 * forms, octal/hex/short IPv4 spellings). A numeric host in any spelling but plain dotted decimal
 * is refused outright, since clients read such spellings differently. Only when loopback is
 * explicitly allowed (demo run, tests) may a loopback target be used, and then also over plain
 * HTTP. The same check runs at registration and at connect time (the sender's DNS hook).
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
        if (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new InvalidWebhookUrl("Credentials in the URL are not allowed");
        }
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI leaves the host empty for spellings like 0x7f.1; judge them all the same
            checkNumericHost(uri.getRawAuthority().replaceFirst(":[0-9]*$", ""));
        }
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidWebhookUrl("Use an https:// URL with a host name");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidWebhookUrl("Credentials in the URL are not allowed");
        }
        checkNumericHost(host);
        return uri;
    }

    /** A numeric IPv4 host must be plain dotted decimal, and public (unless loopback is allowed). */
    private void checkNumericHost(String host) {
        var numeric = TargetAddress.numericIpv4(host);
        if (numeric.isEmpty()) {
            return;
        }
        InetAddress address = numeric.get();
        if (!TargetAddress.isPublic(address) && !(allowLoopback && address.isLoopbackAddress())) {
            throw refused(host, address);
        }
        if (!TargetAddress.isDottedDecimal(host)) {
            throw new InvalidWebhookUrl("Write the IP address as four decimal numbers (" + address.getHostAddress()
                    + "), not as " + host);
        }
    }

    private static InvalidWebhookUrl refused(String host, InetAddress address) {
        return new InvalidWebhookUrl("The host " + host + " points to a private, loopback or link-local address ("
                + TargetAddress.describe(address) + "): webhooks go to public addresses only");
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
        checkNumericHost(host);
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
            if (!TargetAddress.isPublic(address)) {
                throw refused(host, address);
            }
        }
        if (!scheme.equals("https")) {
            throw new InvalidWebhookUrl("Use an https:// URL: plain http is not allowed");
        }
        return List.copyOf(addresses);
    }
}
