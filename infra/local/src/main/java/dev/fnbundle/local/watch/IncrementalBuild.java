package dev.fnbundle.local.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a function module's new code version from the version running, compiling only the source files that
 * changed: the running version's classes are copied (but those compiled from a changed file), the changed
 * resources copied over them, and the changed files compiled against that and the module's jars. This is safe
 * while no other file could compile differently: so the whole module is built instead when a source or resource
 * was deleted or renamed, or when a changed file's classes no longer
 * look the same to other files ({@link ClassShape}: a member added, removed or changed, a constant's value, a
 * nameable class gone). Bodies of methods can change at will: that is the edit-save-try loop.
 */
final class IncrementalBuild {
    /** How an incremental build ended: built, refused by the compiler, or not safe (the reason says why). */
    record Outcome(ModuleCompiler.Result result, String wholeModuleBecause) {
        static Outcome whole(String reason) {
            return new Outcome(null, reason);
        }

        boolean needsWholeModule() {
            return wholeModuleBecause != null;
        }
    }

    private IncrementalBuild() {
    }

    /**
     * The files of a batch that make a difference to the module's classes: its {@code .java} sources and its
     * resources. Others (an editor's temporary file, a note beside the sources) are not compiled nor copied, as
     * Maven neither compiles nor copies them.
     */
    static List<Path> relevant(ProjectLayout.Module module, Collection<Path> changed) {
        return changed.stream().filter(file -> file.startsWith(module.sources()) && file.toString().endsWith(".java")
                || file.startsWith(module.resources())).sorted().toList();
    }

    /**
     * Why the module's changed files cannot be built incrementally from {@code running}, if that is known before
     * compiling: a source or resource the running code was built from is gone (deleted or renamed). A file that
     * came and went between two saves (an editor's temporary file) is no reason.
     */
    static Optional<String> beforeCompiling(ProjectLayout.Module module, Collection<Path> changed, Path running) {
        List<Path> files = relevant(module, changed);
        if (files.isEmpty()) {
            return Optional.of("no source or resource of the module named in the change");
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                continue;
            }
            if (file.startsWith(module.resources())
                    ? Files.exists(running.resolve(module.resources().relativize(file).toString()))
                    : compiledBefore(module, file, running)) {
                return Optional.of(module.directory().relativize(file) + " was deleted or renamed");
            }
        }
        return Optional.empty();
    }

    /** Whether a class of the running code was compiled from {@code source} (same package, same SourceFile). */
    private static boolean compiledBefore(ProjectLayout.Module module, Path source, Path running) {
        Path folder = module.sources().relativize(source).getParent();
        Path classes = folder == null ? running : running.resolve(folder.toString());
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                if (source.getFileName().toString().equals(ClassShape.read(Files.readAllBytes(file)).sourceFile())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Builds into {@code version} (a new, empty-but-{@code lib/} directory) from {@code running}.
     *
     * @param changed the module's changed files (see {@link #beforeCompiling}); those gone are left out
     * @param jars    the new version's jars, the classpath besides its own classes
     */
    static Outcome build(ModuleCompiler compiler, ProjectLayout.Module module, Collection<Path> changed,
                         Path running, Path version, List<Path> jars, int release) {
        try {
            List<Path> present = relevant(module, changed).stream().filter(Files::isRegularFile).toList();
            List<Path> sources = present.stream().filter(file -> file.startsWith(module.sources())).toList();
            Map<Path, ClassShape> before = shapes(running);
            if (before.values().stream().anyMatch(shape -> shape.sourceFile() == null)) {
                return Outcome.whole("the running classes were compiled without source file names");
            }
            var stale = new HashMap<Path, ClassShape>();
            before.forEach((file, shape) -> {
                if (compiledFrom(file, shape, module, sources)) {
                    stale.put(file, shape);
                }
            });
            copyClasses(running, version, before.keySet(), stale.keySet());
            for (Path file : present) {
                if (file.startsWith(module.resources())) {
                    Path target = version.resolve(module.resources().relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            var classpath = new ArrayList<Path>();
            classpath.add(version);
            classpath.addAll(jars);
            ModuleCompiler.Result result = sources.isEmpty()
                    ? new ModuleCompiler.Result(true, "", 0, 0, ModuleCompiler.sourceFiles(module).size())
                    : compiler.compileFiles(module, sources, classpath, version, release);
            if (!result.succeeded()) {
                return new Outcome(result, null);
            }
            Optional<String> changedShape = changedShape(stale, version);
            return changedShape.map(Outcome::whole).orElseGet(() -> new Outcome(result, null));
        } catch (IOException e) {
            return Outcome.whole("the running classes could not be read (" + e.getMessage() + ")");
        }
    }

    /** Every class file of a code version (its {@code lib/} aside), by path relative to the version. */
    private static Map<Path, ClassShape> shapes(Path code) throws IOException {
        var shapes = new HashMap<Path, ClassShape>();
        try (Stream<Path> files = Files.walk(code)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Path relative = code.relativize(file);
                if (!relative.startsWith("lib")) {
                    shapes.put(relative, ClassShape.read(Files.readAllBytes(file)));
                }
            }
        }
        return shapes;
    }

    /** Whether a class file came from one of {@code sources}: same package folder, same SourceFile. */
    private static boolean compiledFrom(Path classFile, ClassShape shape, ProjectLayout.Module module,
                                        List<Path> sources) {
        for (Path source : sources) {
            Path folder = module.sources().relativize(source).getParent();
            boolean samePackage = folder == null ? classFile.getParent() == null
                    : folder.toString().equals(String.valueOf(classFile.getParent()));
            if (samePackage && source.getFileName().toString().equals(shape.sourceFile())) {
                return true;
            }
        }
        return false;
    }

    /** Copies the running version's files but its lib/ (linked separately) and the stale classes. */
    private static void copyClasses(Path running, Path version, Set<Path> classes, Set<Path> stale)
            throws IOException {
        try (Stream<Path> files = Files.walk(running)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = running.relativize(file);
                if (relative.startsWith("lib") || stale.contains(relative)) {
                    continue;
                }
                Path target = version.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The first class compiled from a changed file whose shape differs from before (or that is gone). */
    private static Optional<String> changedShape(Map<Path, ClassShape> stale, Path version) {
        for (var entry : stale.entrySet()) {
            ClassShape old = entry.getValue();
            if (!old.nameable()) {
                continue;
            }
            Path now = version.resolve(entry.getKey().toString());
            if (!Files.isRegularFile(now)) {
                return Optional.of(old.name().replace('/', '.') + " is gone");
            }
            try {
                if (!ClassShape.read(Files.readAllBytes(now)).api().equals(old.api())) {
                    return Optional.of("the signature of " + old.name().replace('/', '.') + " changed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + now, e);
            }
        }
        return Optional.empty();
    }
}
