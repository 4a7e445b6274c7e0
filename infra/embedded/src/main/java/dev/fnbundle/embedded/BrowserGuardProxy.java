package dev.fnbundle.embedded;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP/1.1 forwarding proxy on a public loopback port in front of a service on an internal one, for services
 * that cannot refuse browsers' requests themselves (ElasticMQ). Every request's head is read and checked before it
 * is forwarded: a {@code Host} that is not a loopback name (DNS rebinding) or any {@code Origin} (a web page)
 * gets a 403 and the connection closes; bodies are forwarded by their {@code Content-Length}. Requests with
 * {@code Transfer-Encoding} are refused (411) rather than parsed: SQS clients never send them, and a body whose end
 * the proxy cannot see could hide a second request. Bytes are otherwise passed through untouched, answers as the
 * service writes them. Heads are at most {@value #MAX_HEAD_BYTES} bytes, bodies {@value #MAX_BODY_BYTES}.
 */
public final class BrowserGuardProxy implements AutoCloseable {
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final long TARGET_WAIT_SECONDS = 60;

    private final CompletableFuture<Integer> target = new CompletableFuture<>();
    private final String service;
    private final LoopbackListener listener;

    private BrowserGuardProxy(int port, String service) {
        this.service = service;
        this.listener = LoopbackListener.open(port, service, "guard-", this::serve);
    }

    /**
     * Listens on 127.0.0.1:{@code port} and forwards to 127.0.0.1:{@code target}.
     *
     * @param service the service's name, for the refusal's text
     * @throws PortInUseException when the port is taken
     */
    public static BrowserGuardProxy start(int port, int target, String service) {
        var guard = listen(port, service);
        guard.forwardTo(target);
        return guard;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: a free one, held from now on) before the service behind it runs, for a
     * service that must be told the public port before it starts and binds its own ({@link EmbeddedSqs});
     * connections wait for {@link #forwardTo} (at most {@value #TARGET_WAIT_SECONDS} s) before being forwarded.
     *
     * @throws PortInUseException when the port is taken
     */
    public static BrowserGuardProxy listen(int port, String service) {
        return new BrowserGuardProxy(port, service);
    }

    /** Sets the internal port requests are forwarded to, once; later calls change nothing. */
    public void forwardTo(int port) {
        target.complete(port);
    }

    public int port() {
        return listener.port();
    }

    private int awaitTarget() throws IOException {
        try {
            return target.get(TARGET_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the service started", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the service behind the guard did not start", e);
        }
    }

    private void serve(Socket client) {
        Socket backend = null;
        boolean handedOver = false;
        try {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    if (backend != null) {
                        // The client has sent all it will: the service answers, then the pipe closes both.
                        backend.shutdownOutput();
                        handedOver = true;
                    }
                    return;
                }
                String refusal = refusal(head);
                if (refusal != null && backend != null) {
                    // Earlier answers may still be on their way: they are delivered, then the connection closes,
                    // without an answer to this request.
                    backend.shutdownOutput();
                    handedOver = true;
                    return;
                }
                if (refusal != null) {
                    long length = contentLength(head);
                    // Read what the client sends with it, so that it sees the answer rather than a reset.
                    copy(in, OutputStream.nullOutputStream(), length < 0 ? 0 : Math.min(length, 1024 * 1024));
                    answer(client.getOutputStream(), refusal);
                    return;
                }
                if (backend == null) {
                    backend = new Socket(InetAddress.getLoopbackAddress(), awaitTarget());
                    backend.setTcpNoDelay(true);
                    Socket from = backend;
                    Thread.ofVirtual().start(() -> pipe(from, client));
                }
                OutputStream toService = backend.getOutputStream();
                toService.write(head);
                copy(in, toService, contentLength(head));
                toService.flush();
            }
        } catch (IOException | RuntimeException e) {
            // a client or the service went away: the connection ends with it
        } finally {
            if (!handedOver) {
                closeQuietly(backend);
                closeQuietly(client);
            }
        }
    }

    /** Why a request is refused ("403 reason" or "411 reason"), or null when it may go on. */
    private String refusal(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String host = null;
        boolean origin = false;
        boolean lengths = false;
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "host" -> host = host == null ? value : "";
                case "origin" -> origin = true;
                case "transfer-encoding" -> lengths = true;
                default -> {
                    // forwarded as it is
                }
            }
        }
        if (!LoopbackRequests.isLoopbackHost(host)) {
            return "403 " + service + " answers requests addressed to localhost, 127.0.0.1 or [::1] only";
        }
        if (origin) {
            return "403 " + service + " answers local clients, not web pages";
        }
        if (lengths) {
            return "411 " + service + " takes bodies with a Content-Length only";
        }
        if (contentLength(head) < 0) {
            return "400 a bad Content-Length";
        }
        return null;
    }

    /** The request's Content-Length (0 without one), or -1 when it is malformed, repeated or too large. */
    private static long contentLength(byte[] head) {
        long length = 0;
        boolean seen = false;
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                String value = line.substring(colon + 1).trim();
                if (seen || value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                seen = true;
                length = Long.parseLong(value);
            }
        }
        return length > MAX_BODY_BYTES ? -1 : length;
    }

    /** The head up to and including its blank line; null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (head.size() > 0) {
                    throw new IOException("the connection ended in a request head");
                }
                return null;
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too long");
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the connection ended in a request body");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void answer(OutputStream out, String refusal) throws IOException {
        String status = refusal.substring(0, 3);
        String reason = switch (status) {
            case "411" -> "Length Required";
            case "400" -> "Bad Request";
            default -> "Forbidden";
        };
        byte[] body = (refusal.substring(4) + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Copies the service's answers to the client until either side closes. */
    static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
