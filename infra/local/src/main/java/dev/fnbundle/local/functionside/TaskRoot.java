package dev.fnbundle.local.functionside;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;

/** The class loader Lambda gives a function: its task root (classes) and every jar in {@code lib/}. */
final class TaskRoot {
    private TaskRoot() {
    }

    static ClassLoader classLoader(Path taskRoot) {
        var urls = new ArrayList<URL>();
        try {
            urls.add(taskRoot.toUri().toURL());
            Path lib = taskRoot.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + taskRoot, e);
        }
        return new URLClassLoader("task-root", urls.toArray(URL[]::new), ClassLoader.getSystemClassLoader());
    }
}
