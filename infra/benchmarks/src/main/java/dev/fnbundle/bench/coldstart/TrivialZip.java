package dev.fnbundle.bench.coldstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the trivial handler's deployment zip in the functions' layout: its class at the root, and the two
 * jars a Java handler of HTTP API events needs (aws-lambda-java-core and -events) in {@code lib/}.
 */
final class TrivialZip {
    private TrivialZip() {
    }

    static Path write(Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        String classFile = TrivialHandler.class.getName().replace('.', '/') + ".class";
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(classFile));
            try (InputStream in = TrivialHandler.class.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            for (Class<?> type : new Class<?>[] {RequestHandler.class, APIGatewayV2HTTPEvent.class}) {
                Path jar = jarOf(type);
                out.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, out);
            }
        }
        return zip;
    }

    private static Path jarOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the jar of " + type.getName(), e);
        }
    }
}
