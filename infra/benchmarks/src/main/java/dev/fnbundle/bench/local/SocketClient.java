package dev.fnbundle.bench.local;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP/1.1 client on one blocking keep-alive socket, the way curl or wrk send requests: each request
 * written in one go (TCP_NODELAY), the answer read on the same thread, no selector thread or executor in between.
 * Java's {@code HttpClient} hands each exchange between its caller, its selector thread and an executor, which on
 * loopback costs the client more than some requests cost the server; this client shows the server's latency with
 * that part of the client left out. Understands Content-Length and chunked answers.
 */
final class SocketClient implements RunningRuntime.Client {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String token;
    private final RunningRuntime runtime;

    SocketClient(int port, String token, RunningRuntime runtime) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.token = token;
        this.runtime = runtime;
    }

    @Override
    public RunningRuntime.Measured measure(String method, String path, byte[] body, int expectedStatus, int count)
            throws IOException, InterruptedException {
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (body == null ? 0 : body.length)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        double[] millis = new double[count];
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        byte[] last = null;
        var cpu = runtime.cpuMeter(RunningRuntime.handlerOf(path));
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            var response = read();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.status() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.status() + ", not "
                        + expectedStatus + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            String timing = response.headers().get("server-timing");
            if (timing != null) {
                RunningRuntime.phases(timing, phases);
            }
            last = response.body();
        }
        return RunningRuntime.Measured.of(millis, phases, last, cpu.perRequest(count));
    }

    private record Response(int status, Map<String, String> headers, byte[] body) {
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        var headers = new LinkedHashMap<String, String>();
        String line;
        while (!(line = line()).isEmpty()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var chunks = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().split(";", 2)[0].strip(), 16)) > 0) {
                chunks.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
            body = chunks.toByteArray();
        } else {
            String length = headers.get("content-length");
            body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        }
        return new Response(status, headers, body);
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the runtime closed the connection");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
