package dev.fnbundle.local.function;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server as the runtime's servers use it (the API and each instance's Runtime API): on loopback, one
 * virtual thread per exchange (or, for a Runtime API, none: see {@link #inline}), and with {@code TCP_NODELAY}.
 * The JDK server leaves Nagle's algorithm on unless {@code sun.net.httpserver.nodelay} is set before its first
 * use, and it writes an answer's head and body in two writes: with Nagle on, the body waits for the client to
 * acknowledge the head, which a client delays by up to 40 ms, so a small answer could take longer to send than to
 * compute.
 */
public final class LoopbackHttpServer {
    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LoopbackHttpServer() {
    }

    /** A server on 127.0.0.1:{@code port} (0 for a free one), not started yet. */
    public static HttpServer create(int port, int backlog) throws IOException {
        HttpServer server = inline(port, backlog);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        return server;
    }

    /**
     * A server whose handlers run on its own dispatcher thread, the one that saw the request arrive: no hand-off
     * to another thread per exchange, for a server with one client whose handlers never block (each instance's
     * Runtime API). Not started yet.
     */
    static HttpServer inline(int port, int backlog) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
    }
}
