package io.syncwatch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of the test database that a test can cut and restore, as a database
 * outage looks to the application: {@link #cut()} closes every open connection and refuses new
 * ones (accepted and closed at once) until {@link #restore()}. No Docker needed (Toxiproxy would
 * do the same where Docker exists). Listens on a free loopback port.
 */
public final class DatabaseProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProxy.class);

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile boolean closed;

    public DatabaseProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("db-proxy-accept").start(this::accept);
    }

    /** A proxy for the server of a {@code jdbc:mysql://host:port/…} URL. */
    public static DatabaseProxy forJdbcUrl(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new DatabaseProxy(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort());
    }

    /** The same URL with the proxy's host and port in place of the server's. */
    public String proxiedUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return jdbcUrl.replaceFirst(java.util.regex.Pattern.quote(authority), "127.0.0.1:" + port());
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The database is gone: open connections are closed, new ones refused. */
    public void cut() {
        down.set(true);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
        log.info("Database proxy on port {}: connection to the database CUT", port());
    }

    /** The database is back: new connections reach it again. */
    public void restore() {
        down.set(false);
        log.info("Database proxy on port {}: connection to the database RESTORED", port());
    }

    public boolean isCut() {
        return down.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (down.get()) {
                    closeQuietly(client);
                    continue;
                }
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (!closed) {
                    log.warn("Database proxy accept failed", e);
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 5_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        if (down.get()) { // cut while connecting
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Thread.ofVirtual().start(() -> pipe(client, upstream));
        pipe(upstream, client);
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed, or the proxy was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
