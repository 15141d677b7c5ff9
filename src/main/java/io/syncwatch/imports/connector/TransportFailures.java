package io.syncwatch.imports.connector;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * How an HTTP connector words a call that got no answer (the connection failed, or the answer did
 * not arrive): "did not answer in time", "could not be found (DNS)", "refused the connection" or
 * "could not be reached", for a message such as "Zendesk did not answer in time".
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param failure what the HTTP client threw
     * @param startedNanos {@link System#nanoTime()} when the call started
     * @param readTimeout the client's read timeout
     */
    static String what(Throwable failure, long startedNanos, Duration readTimeout) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "did not answer in time";
            }
            if (t instanceof UnknownHostException) {
                return "could not be found (DNS)";
            }
            if (t instanceof ConnectException) {
                return "refused the connection";
            }
        }
        // A body still trickling in when the read timeout expires is cut off by cancelling the
        // response, which surfaces as a plain IOException ("subscription cancelled") rather than a
        // timeout exception: once the read timeout has passed, it is the timeout.
        if (Duration.ofNanos(System.nanoTime() - startedNanos).compareTo(readTimeout) >= 0) {
            return "did not answer in time";
        }
        return "could not be reached";
    }
}
