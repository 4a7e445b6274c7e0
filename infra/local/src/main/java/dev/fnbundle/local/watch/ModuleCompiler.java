package dev.fnbundle.local.watch;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a module's {@code src/main/java} in this JVM with the JDK's compiler and copies its
 * {@code src/main/resources} beside the classes, as Maven's compile and resources steps do (same compiler, release,
 * encoding and debug information; no resource filtering, which the build does not use). In-process, a warm
 * compiler rebuilds a function module in about a second, where starting Maven costs several before it compiles.
 * {@link #compile} compiles the whole module; {@link #compileFiles} only some of its files, against the rest
 * already compiled ({@link IncrementalBuild} decides when that is safe).
 */
final class ModuleCompiler {
    private final JavaCompiler compiler;

    /**
     * What a compilation gave: success, the compiler's messages either way, and how many source files it compiled
     * of the module's.
     */
    record Result(boolean succeeded, String messages, double millis, int compiledFiles, int moduleFiles) {
    }

    ModuleCompiler() {
        this.compiler = ToolProvider.getSystemJavaCompiler();
    }

    /** False on a JRE without the compiler (the runtime must then run on a JDK for {@code --watch}). */
    boolean available() {
        return compiler != null;
    }

    /**
     * Compiles {@code module}'s sources against {@code classpath} into {@code output} (created if need be) for
     * Java {@code release}, then copies its resources there.
     */
    Result compile(ProjectLayout.Module module, List<Path> classpath, Path output, int release) {
        long started = System.nanoTime();
        List<Path> sources = sourceFiles(module);
        Result result = compileFiles(module, sources, classpath, output, release);
        if (result.succeeded()) {
            copyResources(module.resources(), output);
        }
        return new Result(result.succeeded(), result.messages(), (System.nanoTime() - started) / 1e6,
                sources.size(), sources.size());
    }

    /** The module's {@code .java} files. */
    static List<Path> sourceFiles(ProjectLayout.Module module) {
        return files(module.sources(), ".java");
    }

    /**
     * Compiles {@code sources} of {@code module} alone (no other source file is looked up: {@code -sourcepath} is
     * empty and {@code -implicit:none}), their dependencies found on {@code classpath}, into {@code output}.
     * Resources are not copied.
     */
    Result compileFiles(ProjectLayout.Module module, List<Path> sources, List<Path> classpath, Path output,
                        int release) {
        long started = System.nanoTime();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var messages = new StringWriter();
        boolean ok;
        try (var fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            var options = new ArrayList<>(List.of("--release", Integer.toString(release), "-encoding", "UTF-8",
                    "-g", "-nowarn", "-implicit:none", "-sourcepath", "", "-d", output.toString()));
            if (!classpath.isEmpty()) {
                options.add("-cp");
                options.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            }
            var units = fileManager.getJavaFileObjectsFromPaths(sources);
            ok = compiler.getTask(messages, fileManager, diagnostics, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + module.name(), e);
        }
        var text = new StringBuilder(messages.toString());
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                text.append(describe(diagnostic, module.directory())).append('\n');
            }
        }
        return new Result(ok, text.toString().strip(), (System.nanoTime() - started) / 1e6, sources.size(),
                sourceFiles(module).size());
    }

    /** {@code src/main/java/a/B.java:12: error: message}, then the line and a caret, as javac prints it. */
    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic, Path moduleDirectory) {
        String where = "";
        if (diagnostic.getSource() != null) {
            Path file = Path.of(diagnostic.getSource().toUri());
            where = (file.startsWith(moduleDirectory) ? moduleDirectory.getFileName().resolve(
                    moduleDirectory.relativize(file)) : file) + ":" + diagnostic.getLineNumber() + ": ";
        }
        var text = new StringBuilder(where).append("error: ").append(diagnostic.getMessage(Locale.ROOT));
        if (diagnostic.getSource() != null && diagnostic.getLineNumber() > 0) {
            try {
                List<String> lines = Files.readAllLines(Path.of(diagnostic.getSource().toUri()));
                int index = (int) diagnostic.getLineNumber() - 1;
                if (index < lines.size()) {
                    String line = lines.get(index);
                    text.append('\n').append(line);
                    long column = diagnostic.getColumnNumber();
                    if (column > 0 && column <= line.length() + 1) {
                        text.append('\n').append(" ".repeat((int) column - 1)).append('^');
                    }
                }
            } catch (IOException e) {
                // the file changed again meanwhile: the message says enough
            }
        }
        return text.toString();
    }

    private static void copyResources(Path resources, Path output) {
        for (Path file : files(resources, "")) {
            Path target = output.resolve(resources.relativize(file).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy resource " + file, e);
            }
        }
    }

    private static List<Path> files(Path tree, String suffix) {
        if (!Files.isDirectory(tree)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tree, e);
        }
    }
}
