package dev.fnbundle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A listening socket on a loopback port whose connections are each served on their own virtual thread: the accept
 * loop both guards in front of the embedded services share ({@link BrowserGuardProxy}, {@link CrossProtocolGuard}).
 */
final class LoopbackListener implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Consumer<Socket> serve;

    private LoopbackListener(ServerSocket server, String threadPrefix, Consumer<Socket> serve) {
        this.server = server;
        this.serve = serve;
        Thread.ofVirtual().name(threadPrefix + server.getLocalPort()).start(this::accept);
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: a free one), handing each connection to {@code serve}.
     *
     * @param threadPrefix the accept thread's name, before the port
     * @throws PortInUseException naming {@code service} when the port is taken
     */
    static LoopbackListener open(int port, String service, String threadPrefix, Consumer<Socket> serve) {
        try {
            return new LoopbackListener(new ServerSocket(port, 128, InetAddress.getLoopbackAddress()), threadPrefix,
                    serve);
        } catch (IOException e) {
            throw new PortInUseException(service, port);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.submit(() -> serve.accept(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Stops listening and interrupts the connections being served. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }
}
