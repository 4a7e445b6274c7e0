package dev.fnbundle.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback listener that counts the connections made to it and answers none. Point a function's AWS endpoints
 * at it ({@link #asAwsEndpoints}) to prove that some code path opens no connection to AWS.
 */
public final class ConnectionTripwire implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    private ConnectionTripwire(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("connection-tripwire").start(this::accept);
    }

    public static ConnectionTripwire open() {
        try {
            return new ConnectionTripwire(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** {@code environment} with every AWS endpoint variable (and the generic one) pointed here. */
    public Map<String, String> asAwsEndpoints(Map<String, String> environment) {
        var env = new LinkedHashMap<>(environment);
        env.replaceAll((name, value) -> name.startsWith("AWS_ENDPOINT_URL") ? endpoint().toString() : value);
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        return env;
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
