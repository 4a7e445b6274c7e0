package dev.fnbundle.embedded;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A real DynamoDB Local server in this JVM, on 127.0.0.1. In memory by default; with a directory, its data
 * survives restarts.
 *
 * <p>DynamoDB Local is distributed by AWS under its own licence (not an open-source one); it is a development
 * and test tool fetched from Maven Central at build time and never packaged into a function zip.
 */
public final class EmbeddedDynamo implements AutoCloseable {
    private static final String[] NATIVE_LIBRARIES = {
        "libsqlite4java-linux-amd64.so", "libsqlite4java-linux-i386.so", "libsqlite4java-osx.dylib",
        "sqlite4java-win32-x64.dll", "sqlite4java-win32-x86.dll",
    };
    private static Path nativeDirectory;
    private static EmbeddedDynamo shared;

    private final DynamoDBProxyServer server;
    private final int port;

    private EmbeddedDynamo(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param port    the port, or 0 for a free one
     * @param dataDir where to keep the data, or null to keep it in memory
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedDynamo start(int port, Path dataDir) {
        System.setProperty("sqlite4java.library.path", unpackNatives().toString());
        int chosen = port == 0 ? FreePorts.find() : FreePorts.requireFree(port, "DynamoDB Local");
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(chosen), "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB data directory " + dataDir, e);
            }
            args.addAll(List.of("-dbPath", dataDir.toString(), "-sharedDb"));
        }
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new EmbeddedDynamo(server, chosen);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + chosen, e);
        }
    }

    /** One in-memory server for the whole JVM (a test run), started on first use and stopped at exit. */
    public static synchronized EmbeddedDynamo shared() {
        if (shared == null) {
            shared = start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "dynamodb-local-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static synchronized Path unpackNatives() {
        if (nativeDirectory != null) {
            return nativeDirectory;
        }
        try {
            Path directory = Files.createTempDirectory("sqlite4java");
            directory.toFile().deleteOnExit();
            for (String name : NATIVE_LIBRARIES) {
                try (InputStream in = EmbeddedDynamo.class.getResourceAsStream("/sqlite4java-native/" + name)) {
                    if (in != null) {
                        Path target = directory.resolve(name);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().deleteOnExit();
                    }
                }
            }
            nativeDirectory = directory;
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack DynamoDB Local's native SQLite libraries", e);
        }
    }
}
