package dev.fnbundle.embedded;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real DynamoDB Local server in this JVM, on 127.0.0.1 only. In memory by default; with a directory, its data
 * survives restarts. Left to itself DynamoDB Local listens on every interface and answers any web page (its CORS
 * default is {@code *}); here it refuses requests a browser sends, by {@link LoopbackRequests}: a non-loopback
 * {@code Host} or any {@code Origin}.
 *
 * <p>DynamoDB Local is distributed by AWS under its own licence (not an open-source one); it is a development
 * and test tool fetched from Maven Central at build time and never packaged into a function zip.
 */
public final class EmbeddedDynamo implements AutoCloseable {
    /** Held while DynamoDB Local parses a command line (see {@link #start}). */
    private static final Object COMMAND_LINE = new Object();

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
        if (port != 0) {
            FreePorts.requireFree(port, "DynamoDB Local");
        }
        // Port 0 is bound as such and read back once Jetty listens, never chosen first and bound later: a port
        // found free a moment ago can be taken meanwhile (the services start side by side, each asking for one).
        // (DynamoDB Local refuses "-port 0": its connector is given port 0 before it starts, see loopbackOnly)
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port == 0 ? 8000 : port),
                "-disableTelemetry"));
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
            DynamoDBProxyServer server;
            // DynamoDB Local parses its command line with one static commons-cli Options object, which is not
            // thread-safe: two starts side by side in one JVM (the tests start several) can fail in the parse.
            synchronized (COMMAND_LINE) {
                server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            }
            Server jetty = jetty(server);
            loopbackOnly(jetty, port);
            server.start();
            return new EmbeddedDynamo(server, ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    /**
     * DynamoDB Local offers no listening address: its Jetty server, created but not started, is bound to
     * 127.0.0.1 (on {@code port}, 0 for a free one) and put behind the browser guard before it starts.
     */
    private static void loopbackOnly(Server jetty, int port) {
        for (var connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
            ((ServerConnector) connector).setPort(port);
        }
        jetty.setHandler(new BrowserGuard(jetty.getHandler()));
    }

    private static Server jetty(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(proxy);
    }

    /** Answers 403 to what a web page sends; SDK clients send neither a foreign Host nor an Origin. */
    private static final class BrowserGuard extends Handler.Wrapper {
        BrowserGuard(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String host = request.getHeaders().get("Host");
            if (host == null) {
                host = request.getHttpURI().getAuthority();
            }
            if (!LoopbackRequests.isLoopbackHost(host) || request.getHeaders().get("Origin") != null) {
                Response.writeError(request, response, callback, 403, "DynamoDB Local answers local clients only");
                return true;
            }
            return super.handle(request, response, callback);
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
