package dev.fnbundle.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP proxy on a public loopback port in front of a line-based mail service (SMTP, IMAP) on an internal one,
 * that closes a connection whose first line is an HTTP request line. Browsers refuse to send HTTP to the standard
 * mail ports (25, 143...) but not to 3025 or 3143, so without it a web page could POST a form whose body is SMTP
 * commands (a cross-protocol request: the server answers "unknown command" to the HTTP lines and then runs the
 * body's), and send mail as this machine. Mail clients speak their protocol from their first line; an HTTP client
 * always starts with {@code METHOD target HTTP/1.x}. Everything else is passed through untouched, the server's
 * greeting first.
 */
public final class CrossProtocolGuard implements AutoCloseable {
    static final int MAX_FIRST_LINE_BYTES = 8 * 1024;

    private final int target;
    private final LoopbackListener listener;

    private CrossProtocolGuard(int port, int target, String service) {
        this.target = target;
        this.listener = LoopbackListener.open(port, service, "mail-guard-", this::serve);
    }

    /**
     * Listens on 127.0.0.1:{@code port} and forwards to 127.0.0.1:{@code target}.
     *
     * @throws PortInUseException naming {@code service} when the port is taken
     */
    public static CrossProtocolGuard start(int port, int target, String service) {
        return new CrossProtocolGuard(port, target, service);
    }

    public int port() {
        return listener.port();
    }

    /** Whether a client's first line is an HTTP request line ({@code ... HTTP/1.1}, or HTTP/2's preface). */
    static boolean isHttpRequestLine(String line) {
        String trimmed = line.strip();
        int version = trimmed.lastIndexOf(" HTTP/");
        return version > 0 && trimmed.length() - version <= 10;
    }

    private void serve(Socket client) {
        Socket backend = null;
        boolean handedOver = false;
        try {
            client.setTcpNoDelay(true);
            backend = new Socket(InetAddress.getLoopbackAddress(), target);
            backend.setTcpNoDelay(true);
            Socket from = backend;
            Thread.ofVirtual().start(() -> BrowserGuardProxy.pipe(from, client));
            InputStream in = client.getInputStream();
            byte[] first = firstLine(in);
            if (first == null || isHttpRequestLine(new String(first, StandardCharsets.ISO_8859_1))) {
                return;
            }
            OutputStream out = backend.getOutputStream();
            out.write(first);
            out.flush();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            backend.shutdownOutput();
            handedOver = true;
        } catch (IOException | RuntimeException e) {
            // a client or the server went away
        } finally {
            if (!handedOver) {
                BrowserGuardProxy.closeQuietly(backend);
                BrowserGuardProxy.closeQuietly(client);
            }
        }
    }

    /** The first line with its line break, or null when the client closed or sent too long a line. */
    private static byte[] firstLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() > MAX_FIRST_LINE_BYTES) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        listener.close();
    }
}
