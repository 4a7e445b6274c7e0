package dev.fnbundle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free loopback ports and checks that fixed ones are free, with an actionable error when not. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * Returns {@code port} when it is free on 127.0.0.1.
     *
     * @throws PortInUseException naming the service and the port when it is not
     */
    public static int requireFree(int port, String service) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new PortInUseException(service, port);
        }
    }
}
