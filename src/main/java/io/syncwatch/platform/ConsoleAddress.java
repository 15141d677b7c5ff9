package io.syncwatch.platform;

/**
 * The console's public address ({@code syncwatch.base-url}, env {@code SYNCWATCH_BASE_URL}): the
 * start of every link Syncwatch sends or logs (the set-password link, alert mails, the digest).
 *
 * @param baseUrl the address without a trailing slash, e.g. {@code https://syncwatch.example.com}
 */
public record ConsoleAddress(String baseUrl) {

    public ConsoleAddress {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute link to {@code path} (with or without a leading slash) in the console. */
    public String link(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }
}
