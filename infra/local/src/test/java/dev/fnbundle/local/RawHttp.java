package dev.fnbundle.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests Java's HTTP client will not send: a {@code Host} of our choosing,
 * as a page re-pointed at 127.0.0.1 by DNS rebinding sends it.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code method path} with these header lines ("Name: value", CRLF-separated) and returns the status. */
    static int status(int port, String method, String path, String headers) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String request = method + " " + path + " HTTP/1.1\r\n" + headers + "\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            var statusLine = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                statusLine.append((char) c);
            }
            return Integer.parseInt(statusLine.toString().split(" ")[1]);
        }
    }
}
