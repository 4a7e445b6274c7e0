package dev.fnbundle.local.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.fnbundle.embedded.CrossProtocolGuard;
import dev.fnbundle.embedded.FreePorts;
import dev.fnbundle.local.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GreenMail as the local mail server: SMTP, IMAP and IMAPS on their usual test ports (3025, 3143, 3993) with the
 * demo account {@code demo@localhost} / {@code demo}. IMAPS presents a certificate for {@code localhost} made at
 * first start, and a trust store holding it is written beside it, so the email poller can keep certificate and
 * host-name checks on locally. SMTP and IMAP are reached through a {@link CrossProtocolGuard}, so that a web page
 * cannot send them commands in the body of an HTTP POST.
 */
public final class LocalMailServer implements AutoCloseable {
    public static final String DEMO_USER = "demo@localhost";
    public static final String DEMO_PASSWORD = "demo";
    private static final String STORE_PASSWORD = "changeit";
    private static final long STARTUP_LIMIT_MILLIS = 60_000;

    private final GreenMail greenMail;
    private final Ports ports;
    private final Path trustStore;
    private final List<CrossProtocolGuard> guards;

    /** The ports to listen on; 0 picks a free one. */
    public record Ports(int smtp, int imap, int imaps) {
        public static final Ports DEFAULT = new Ports(3025, 3143, 3993);

        /**
         * Checks that each fixed port is free, for a message naming the service; a 0 stays 0: it is bound as such
         * and read back, never chosen first and bound later (a port found free a moment ago can be taken meanwhile,
         * the services start side by side).
         */
        void requireFree() {
            check(smtp, "SMTP");
            check(imap, "IMAP");
            check(imaps, "IMAPS");
        }

        private static void check(int port, String service) {
            if (port != 0) {
                FreePorts.requireFree(port, "GreenMail " + service);
            }
        }
    }

    private LocalMailServer(GreenMail greenMail, Ports ports, Path trustStore, List<CrossProtocolGuard> guards) {
        this.greenMail = greenMail;
        this.ports = ports;
        this.trustStore = trustStore;
        this.guards = List.copyOf(guards);
    }

    /**
     * Starts GreenMail with the demo account.
     *
     * @param tlsDirectory where the localhost key store and the trust store are kept
     */
    public static LocalMailServer start(Ports requested, Path tlsDirectory) {
        requested.requireFree();
        Path keyStore = tlsDirectory.resolve("greenmail-localhost.p12");
        Path trustStore = tlsDirectory.resolve("greenmail-truststore.p12");
        createCertificates(keyStore, trustStore);
        // GreenMail reads its TLS key store from these properties once, when IMAPS first starts.
        System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
        // SMTP and IMAP listen on internal ports behind guards that close a connection opening with an HTTP request
        // line (a web page's cross-protocol POST); IMAPS needs none: a browser cannot speak TLS-wrapped IMAP.
        var setups = new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(requested.imaps(), "127.0.0.1", ServerSetup.PROTOCOL_IMAPS),
        };
        for (ServerSetup setup : setups) {
            // GreenMail's 2 s start-up limit is too short on a busy machine, where the other services start too.
            setup.setServerStartupTimeout(STARTUP_LIMIT_MILLIS);
        }
        var greenMail = new GreenMail(setups);
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            // The servers that did start must not keep the JVM alive.
            greenMail.stop();
            throw e;
        }
        greenMail.setUser(DEMO_USER, DEMO_USER, DEMO_PASSWORD);
        var guards = new ArrayList<CrossProtocolGuard>();
        try {
            guards.add(CrossProtocolGuard.start(requested.smtp(), greenMail.getSmtp().getPort(), "GreenMail SMTP"));
            guards.add(CrossProtocolGuard.start(requested.imap(), greenMail.getImap().getPort(), "GreenMail IMAP"));
        } catch (RuntimeException e) {
            guards.forEach(CrossProtocolGuard::close);
            greenMail.stop();
            throw e;
        }
        var bound = new Ports(guards.get(0).port(), guards.get(1).port(), greenMail.getImaps().getPort());
        return new LocalMailServer(greenMail, bound, trustStore, guards);
    }

    public Ports ports() {
        return ports;
    }

    /** A PKCS12 trust store (password "changeit") holding the IMAPS certificate. */
    public Path trustStore() {
        return trustStore;
    }

    public static String trustStorePassword() {
        return STORE_PASSWORD;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        guards.forEach(CrossProtocolGuard::close);
        greenMail.stop();
    }

    private static void createCertificates(Path keyStore, Path trustStore) {
        if (Files.exists(keyStore) && Files.exists(trustStore)) {
            return;
        }
        try {
            Files.createDirectories(keyStore.getParent());
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(trustStore);
            Path certificate = keyStore.resolveSibling("greenmail-localhost.cer");
            keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
                    keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
            keytool("-exportcert", "-alias", "greenmail", "-keystore", keyStore.toString(), "-storepass",
                    STORE_PASSWORD, "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "greenmail", "-file", certificate.toString(),
                    "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        } catch (IOException e) {
            throw new UserFacingException("cannot create the local mail server's certificate: " + e.getMessage(), e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        var command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + new String(output).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
