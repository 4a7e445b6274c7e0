package dev.fnbundle.local.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Port 0 asks for free ports: each is bound as such and read back, and the ports the server names are its own. */
class LocalMailServerPortsTest {
    @Test
    void ports_of_zero_are_bound_and_named_as_bound(@TempDir Path tls) throws Exception {
        try (var mail = LocalMailServer.start(new LocalMailServer.Ports(0, 0, 0), tls)) {
            var ports = mail.ports();

            assertThat(Set.of(ports.smtp(), ports.imap(), ports.imaps())).hasSize(3).doesNotContain(0);
            assertThat(greeting(ports.smtp())).startsWith("220 ");
            assertThat(greeting(ports.imap())).startsWith("* OK");
            assertThat(bound(ports.imaps())).isTrue();
        }
    }

    private static String greeting(int port) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            var line = new StringBuilder();
            int c;
            while ((c = socket.getInputStream().read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static boolean bound(int port) {
        try (var probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
