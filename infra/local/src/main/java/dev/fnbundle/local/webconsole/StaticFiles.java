package dev.fnbundle.local.webconsole;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's files: its own stylesheet and scripts, and swagger-ui from its webjar (whatever version the build
 * put on the class path). Only the files named here are served, read once from the class path.
 */
final class StaticFiles {
    private static final Map<String, String> OWN = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "swagger-init.js", "text/javascript; charset=utf-8");
    private static final Map<String, String> SWAGGER_UI = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8");
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    void serveOwn(ConsoleExchange exchange, String name) throws IOException {
        String type = OWN.get(name);
        byte[] body = type == null ? null : read("/webconsole/" + name);
        if (body == null) {
            exchange.problem(404, "Not Found", "no console file " + name);
        } else {
            exchange.asset(type, body);
        }
    }

    /** {@code webjars/swagger-ui/FILE}. */
    void serveWebjar(ConsoleExchange exchange, String[] path) throws IOException {
        String type = path.length == 3 && path[1].equals("swagger-ui") ? SWAGGER_UI.get(path[2]) : null;
        String version = type == null ? null : swaggerUiVersion();
        byte[] body = version == null ? null
                : read("/META-INF/resources/webjars/swagger-ui/" + version + "/" + path[2]);
        if (body == null) {
            exchange.problem(404, "Not Found", "no such webjar file");
        } else {
            exchange.asset(type, body);
        }
    }

    /** The swagger-ui webjar's version, or null when it is not on the class path. */
    static String swaggerUiVersion() {
        try (InputStream in = StaticFiles.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] read(String resource) throws IOException {
        byte[] cached = cache.get(resource);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            cache.put(resource, bytes);
            return bytes;
        }
    }
}
