package dev.fnbundle.email.support;

import dev.fnbundle.email.imap.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate for GreenMail's IMAPS server, valid for the DNS name {@code localhost} only (so
 * connecting to {@code 127.0.0.1} fails the host-name check), made with the JDK's keytool once per test JVM.
 * GreenMail reads its key store once per JVM from system properties, so every test class that starts IMAPS
 * calls {@link #install()} before its GreenMail extension is created.
 */
public final class TestTls {
    private static final String PASSWORD = "changeit";
    private static TrustStore trustStore;

    private TestTls() {
    }

    /**
     * Creates the key store for GreenMail and the matching trust store for the client, once.
     *
     * @return the client's trust store; never null
     */
    public static synchronized TrustStore install() {
        if (trustStore != null) {
            return trustStore;
        }
        try {
            Path dir = Files.createTempDirectory("email-poller-tls");
            Path keyStore = dir.resolve("greenmail.p12");
            generate(keyStore);
            Path trust = dir.resolve("trust.p12");
            exportTrust(keyStore, trust);
            System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
            System.setProperty("greenmail.tls.keystore.password", PASSWORD);
            trustStore = new TrustStore(trust, PASSWORD, "PKCS12");
            return trustStore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("cannot create the test certificate", e);
        }
    }

    private static void generate(Path keyStore) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "greenmail", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static void exportTrust(Path keyStore, Path trust) throws IOException, GeneralSecurityException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            source.load(in, PASSWORD.toCharArray());
        }
        KeyStore target = KeyStore.getInstance("PKCS12");
        target.load(null, null);
        target.setCertificateEntry("greenmail", source.getCertificate("greenmail"));
        try (OutputStream out = Files.newOutputStream(trust)) {
            target.store(out, PASSWORD.toCharArray());
        }
    }
}
