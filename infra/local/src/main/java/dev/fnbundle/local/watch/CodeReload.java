package dev.fnbundle.local.watch;

import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.TaskRoots;
import dev.fnbundle.local.observe.ReloadEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Rebuilds the modules whose sources changed and swaps the new code into the functions that run it. A library
 * module (like {@code common}) is compiled into a new jar, and every function module whose zip carries it is
 * recompiled against it; a function module is compiled into a new code version beside the one running (its jars
 * linked, not copied). Any compile error refuses the whole change, and the code running keeps serving. Otherwise
 * each affected function gets the new version ({@link FunctionPool#reload}: in-flight invocations finish on the
 * old code), and the function's zip is rewritten with it afterwards, so the next start, and {@code sam deploy},
 * use what ran. Not thread-safe: the watcher applies one change at a time.
 */
final class CodeReload implements AutoCloseable {
    /** Zip entry times, as the build's reproducible zips have them. */
    private static final long ENTRY_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final ModuleCompiler compiler = new ModuleCompiler();
    private final TaskRoots taskRoots;
    private final Path workDirectory;
    private final Map<Path, Path> zipsWritten = new ConcurrentHashMap<>();
    /** Zips are written one at a time, in the order of the reloads, after the swap. */
    private final java.util.concurrent.ExecutorService zipWriter = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("zip-writer").factory());
    private int builds;

    CodeReload(TaskRoots taskRoots, Path workDirectory) {
        this.taskRoots = taskRoots;
        this.workDirectory = workDirectory;
    }

    boolean available() {
        return compiler.available();
    }

    /**
     * Rebuilds {@code changed} and reloads the functions of {@code pools} that run their code. A function module
     * is rebuilt from {@code files} alone when that is safe ({@link IncrementalBuild}), else whole.
     *
     * @param firstSeenNanos when the first change of the batch was seen, for the reload's duration
     */
    ReloadEvent apply(Set<ProjectLayout.Module> changed, Set<Path> files, ProjectLayout layout,
                      Collection<FunctionPool> pools, long firstSeenNanos) throws InterruptedException {
        List<String> names = changed.stream().map(ProjectLayout.Module::name).sorted().toList();
        var byZip = new LinkedHashMap<Path, List<FunctionPool>>();
        for (FunctionPool pool : pools) {
            byZip.computeIfAbsent(pool.spec().codeUri(), zip -> new ArrayList<>()).add(pool);
        }
        var libraries = changed.stream().filter(ProjectLayout.Module::isLibrary).toList();
        var rebuilt = new LinkedHashMap<Path, ProjectLayout.Module>();
        for (var entry : byZip.entrySet()) {
            var module = layout.moduleBuilding(entry.getKey());
            Path code = entry.getValue().getFirst().code();
            if (module.isPresent() && (changed.contains(module.get()) || carriesAny(code, libraries))) {
                rebuilt.put(entry.getKey(), module.get());
            }
        }
        long compileStarted = System.nanoTime();
        Map<String, Path> libraryJars = new LinkedHashMap<>();
        for (var library : libraries) {
            var result = buildLibrary(library, rebuilt, byZip, libraryJars);
            if (!result.succeeded()) {
                return refused(names, firstSeenNanos, result.messages());
            }
        }
        var versions = new LinkedHashMap<Path, Path>();
        var compiled = new ArrayList<String>();
        for (var entry : rebuilt.entrySet()) {
            Path zip = entry.getKey();
            Path running = byZip.get(zip).getFirst().code();
            Path version = taskRoots.newVersion(zip);
            linkJars(running, version, libraryJars);
            var built = build(entry.getValue(), files, running, version, libraries, libraryJars,
                    release(byZip.get(zip)));
            if (!built.result().succeeded()) {
                deleteQuietly(built.version());
                versions.values().forEach(CodeReload::deleteQuietly);
                return refused(names, firstSeenNanos, built.result().messages());
            }
            compiled.add(built.description());
            versions.put(zip, built.version());
        }
        double compileMillis = (System.nanoTime() - compileStarted) / 1e6;
        String what = compiled.isEmpty() ? "compiled" : String.join("; ", compiled);
        if (versions.isEmpty()) {
            return ReloadEvent.of(ReloadEvent.Kind.CODE, names, List.of(), true, millisSince(firstSeenNanos),
                    String.format(java.util.Locale.ROOT, "compiled in %.2f s; no function of the template runs"
                            + " this code", compileMillis / 1000));
        }
        return swap(names, versions, byZip, firstSeenNanos, what + String.format(java.util.Locale.ROOT,
                " in %.2f s", compileMillis / 1000));
    }

    /** A function module's new code version, how its compilation went, and what was compiled. */
    private record Built(Path version, ModuleCompiler.Result result, String description) {
    }

    /**
     * Compiles a function module into {@code version} (its jars linked already): the changed files alone when
     * {@link IncrementalBuild} finds that safe, else the whole module, into a fresh version.
     */
    private Built build(ProjectLayout.Module module, Set<Path> files, Path running, Path version,
                        List<ProjectLayout.Module> libraries, Map<String, Path> libraryJars, int release) {
        List<Path> moduleFiles = files.stream().filter(file -> file.startsWith(module.watched())).toList();
        Optional<String> whole = carriesAny(running, libraries) ? Optional.of("a library it carries changed")
                : IncrementalBuild.beforeCompiling(module, moduleFiles, running);
        if (whole.isEmpty()) {
            var outcome = IncrementalBuild.build(compiler, module, moduleFiles, running, version, jars(version),
                    release);
            if (!outcome.needsWholeModule()) {
                return new Built(version, outcome.result(), describe(module, outcome.result(), whole));
            }
            whole = Optional.of(outcome.wholeModuleBecause());
            // Start again from the jars alone: the copied classes may not match the new sources.
            deleteQuietly(version);
            version = taskRoots.newVersion(module.zip());
            linkJars(running, version, libraryJars);
        }
        var result = compiler.compile(module, jars(version), version, release);
        return new Built(version, result, describe(module, result, whole));
    }

    /** E.g. {@code orders: 1 of 23 source files} or {@code orders: 23 source files (whole module: why)}. */
    private static String describe(ProjectLayout.Module module, ModuleCompiler.Result result,
                                   Optional<String> whole) {
        return whole.map(why -> String.format(java.util.Locale.ROOT, "%s: %d source files (whole module: %s)",
                        module.name(), result.compiledFiles(), why))
                .orElseGet(() -> String.format(java.util.Locale.ROOT, "%s: %d of %d source files (incremental)",
                        module.name(), result.compiledFiles(), result.moduleFiles()));
    }

    private ModuleCompiler.Result buildLibrary(ProjectLayout.Module library, Map<Path, ProjectLayout.Module> rebuilt,
                                               Map<Path, List<FunctionPool>> byZip, Map<String, Path> jars) {
        Path dependentCode = rebuilt.keySet().stream().map(zip -> byZip.get(zip).getFirst().code())
                .filter(code -> carriesAny(code, List.of(library))).findFirst().orElse(null);
        List<Path> classpath = dependentCode == null ? List.of() : jars(dependentCode).stream()
                .filter(jar -> !library.builds(jar.getFileName().toString())).toList();
        int release = dependentCode == null ? Runtime.version().feature() : release(rebuilt.entrySet().stream()
                .filter(e -> byZip.get(e.getKey()).getFirst().code().equals(dependentCode))
                .map(e -> byZip.get(e.getKey())).findFirst().orElseThrow());
        Path build = workDirectory.resolve("watch").resolve(library.name() + "-" + (++builds));
        deleteQuietly(build);
        var result = compiler.compile(library, classpath, build.resolve("classes"), release);
        if (!result.succeeded() || dependentCode == null) {
            return result;
        }
        String jarName = jars(dependentCode).stream().map(jar -> jar.getFileName().toString())
                .filter(library::builds).findFirst().orElseThrow();
        Path jar = build.resolve(jarName);
        writeJar(build.resolve("classes"), jar);
        jars.put(jarName, jar);
        return result;
    }

    private ReloadEvent swap(List<String> names, Map<Path, Path> versions, Map<Path, List<FunctionPool>> byZip,
                             long firstSeenNanos, String compiled) throws InterruptedException {
        long swapStarted = System.nanoTime();
        var failures = new ConcurrentHashMap<String, String>();
        var reloaded = new TreeSet<String>();
        var slots = new Semaphore(2);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<?>>();
            versions.forEach((zip, version) -> {
                for (FunctionPool pool : byZip.get(zip)) {
                    reloaded.add(pool.spec().logicalId());
                    pending.add(threads.submit(() -> {
                        slots.acquire();
                        try {
                            String error = pool.reload(version);
                            if (error != null) {
                                failures.put(pool.spec().logicalId(), error);
                            }
                        } finally {
                            slots.release();
                        }
                        return null;
                    }));
                }
            });
        }
        double swapMillis = (System.nanoTime() - swapStarted) / 1e6;
        versions.forEach((zip, version) -> zipWriter.submit(() -> writeZip(version, zip)));
        if (!failures.isEmpty()) {
            var detail = new StringBuilder("compiled, but the new code failed its init; the previous version keeps"
                    + " serving:");
            failures.forEach((function, error) -> detail.append('\n').append(error));
            return ReloadEvent.of(ReloadEvent.Kind.CODE, names, List.copyOf(reloaded), false,
                    millisSince(firstSeenNanos), detail.toString());
        }
        return ReloadEvent.of(ReloadEvent.Kind.CODE, names, List.copyOf(reloaded), true, millisSince(firstSeenNanos),
                String.format(java.util.Locale.ROOT, "%s, new instances ready %.2f s later", compiled,
                        swapMillis / 1000));
    }

    private static ReloadEvent refused(List<String> names, long firstSeenNanos, String messages) {
        return ReloadEvent.of(ReloadEvent.Kind.CODE, names, List.of(), false, millisSince(firstSeenNanos),
                messages.isEmpty() ? "the compiler failed without a message" : messages);
    }

    /** Whether a task root's {@code lib/} carries the jar of one of the libraries. */
    private static boolean carriesAny(Path code, List<ProjectLayout.Module> libraries) {
        return !libraries.isEmpty() && jars(code).stream()
                .anyMatch(jar -> libraries.stream().anyMatch(library -> library.builds(jar.getFileName().toString())));
    }

    /** The Java release the functions run (their Runtime, e.g. java21), the one their code is compiled for. */
    private static int release(List<FunctionPool> pools) {
        String runtime = pools.getFirst().spec().runtime();
        int end = 4;
        while (end < runtime.length() && Character.isDigit(runtime.charAt(end))) {
            end++;
        }
        return end > 4 && end - 4 <= 3 ? Integer.parseInt(runtime.substring(4, end)) : Runtime.version().feature();
    }

    /** The jars of a task root's {@code lib/}, sorted. */
    private static List<Path> jars(Path code) {
        Path lib = code.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lib, e);
        }
    }

    /**
     * Gives a new version the jars of the running one, linked (no copy: they do not change), the rebuilt
     * libraries' jars instead of theirs.
     */
    private static void linkJars(Path from, Path version, Map<String, Path> rebuiltJars) {
        try {
            Files.createDirectories(version.resolve("lib"));
            for (Path jar : jars(from)) {
                String name = jar.getFileName().toString();
                Path target = version.resolve("lib").resolve(name);
                Path source = rebuiltJars.getOrDefault(name, jar);
                try {
                    Files.createLink(target, source);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + version, e);
        }
    }

    private static void writeJar(Path classes, Path jar) {
        try (OutputStream out = Files.newOutputStream(jar); var entries = new JarOutputStream(out)) {
            for (Path file : tree(classes)) {
                var entry = new JarEntry(classes.relativize(file).toString().replace('\\', '/'));
                entry.setTime(ENTRY_TIME);
                entries.putNextEntry(entry);
                Files.copy(file, entries);
                entries.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    /**
     * Rewrites a function's zip from a code version (classes at the root, jars in {@code lib/}), through a
     * temporary file moved into place, so a reader never sees half a zip.
     */
    private void writeZip(Path version, Path zip) {
        try {
            Path partial = Files.createTempFile(zip.getParent(), zip.getFileName().toString(), ".partial");
            try (OutputStream out = Files.newOutputStream(partial); var entries = new ZipOutputStream(out)) {
                for (Path file : tree(version)) {
                    String name = version.relativize(file).toString().replace('\\', '/');
                    var entry = new ZipEntry(name);
                    entry.setTime(ENTRY_TIME);
                    if (name.endsWith(".jar")) {
                        // Jars are compressed already: stored as they are, at the cost of a checksum pass.
                        byte[] bytes = Files.readAllBytes(file);
                        var crc = new CRC32();
                        crc.update(bytes);
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(bytes.length);
                        entry.setCompressedSize(bytes.length);
                        entry.setCrc(crc.getValue());
                        entries.putNextEntry(entry);
                        entries.write(bytes);
                    } else {
                        entries.putNextEntry(entry);
                        Files.copy(file, entries);
                    }
                    entries.closeEntry();
                }
            }
            Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            zipsWritten.put(zip, version);
        } catch (IOException e) {
            // The code runs all the same; only the zip on disk is behind, until the next build.
        }
    }

    /** The zips rewritten so far, and the code version each was written from. */
    Map<Path, Path> zipsWritten() {
        return Map.copyOf(zipsWritten);
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // left for the next start's clean-up
        }
    }

    /** Modules whose sources or resources the changed files are, in the layout's order. */
    static Set<ProjectLayout.Module> modulesOf(Collection<Path> files, ProjectLayout layout) {
        var modules = new LinkedHashSet<ProjectLayout.Module>();
        for (Path file : files) {
            // An editor's temporary file beside a source is no change to the module.
            layout.containing(file).filter(module -> !IncrementalBuild.relevant(module, List.of(file)).isEmpty())
                    .ifPresent(modules::add);
        }
        return modules;
    }

    /** Finishes writing the zips of the reloads so far. */
    @Override
    public void close() {
        zipWriter.close();
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }
}
