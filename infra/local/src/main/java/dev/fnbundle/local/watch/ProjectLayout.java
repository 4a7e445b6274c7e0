package dev.fnbundle.local.watch;

import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.StackModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the code of the template's functions comes from, in a Maven layout: a function's zip (its CodeUri) is
 * {@code <module>/target/<name>.zip} of a module with {@code src/main/java}; the other modules beside the function
 * modules (like {@code functions/common}) are libraries, built into a jar {@code <module name>-<version>.jar}
 * that function zips carry in {@code lib/}. A function whose zip lies elsewhere is not rebuilt by {@code --watch}.
 */
public final class ProjectLayout {
    private final Map<Path, Module> functionModules;
    private final List<Module> libraries;

    /**
     * A module of the build.
     *
     * @param zip the function zip it builds (its CodeUri), or null for a library
     */
    public record Module(String name, Path directory, Path zip) {
        public Path sources() {
            return directory.resolve("src/main/java");
        }

        public Path resources() {
            return directory.resolve("src/main/resources");
        }

        /** What {@code --watch} watches: the module's {@code src/main}. */
        public Path watched() {
            return directory.resolve("src/main");
        }

        public boolean isLibrary() {
            return zip == null;
        }

        /** Whether a jar of a task root's {@code lib/} is this library's: {@code <name>-<digit>...jar}. */
        public boolean builds(String jarName) {
            return jarName.startsWith(name + "-") && jarName.endsWith(".jar") && jarName.length() > name.length() + 1
                    && Character.isDigit(jarName.charAt(name.length() + 1));
        }
    }

    private ProjectLayout(Map<Path, Module> functionModules, List<Module> libraries) {
        this.functionModules = functionModules;
        this.libraries = libraries;
    }

    /** The modules of the template's functions and the library modules beside them. */
    public static ProjectLayout of(StackModel model) {
        var functionModules = new LinkedHashMap<Path, Module>();
        for (FunctionSpec function : model.functions().values()) {
            moduleOf(function.codeUri()).ifPresent(module -> functionModules.putIfAbsent(module.zip(), module));
        }
        var libraries = new ArrayList<Module>();
        var parents = functionModules.values().stream().map(module -> module.directory().getParent()).distinct()
                .toList();
        for (Path parent : parents) {
            try (Stream<Path> siblings = Files.list(parent)) {
                for (Path directory : siblings.sorted().toList()) {
                    boolean function = functionModules.values().stream()
                            .anyMatch(module -> module.directory().equals(directory));
                    if (!function && Files.isDirectory(directory.resolve("src/main/java"))) {
                        libraries.add(new Module(directory.getFileName().toString(), directory, null));
                    }
                }
            } catch (IOException e) {
                // an unreadable folder has no library to watch
            }
        }
        return new ProjectLayout(functionModules, List.copyOf(libraries));
    }

    private static Optional<Module> moduleOf(Path zip) {
        Path target = zip.getParent();
        if (target == null || !target.getFileName().toString().equals("target") || target.getParent() == null) {
            return Optional.empty();
        }
        Path directory = target.getParent();
        if (!Files.isDirectory(directory.resolve("src/main/java"))) {
            return Optional.empty();
        }
        return Optional.of(new Module(directory.getFileName().toString(), directory, zip));
    }

    /** Every module, function modules first. */
    public List<Module> modules() {
        var all = new ArrayList<>(functionModules.values());
        all.addAll(libraries);
        return all;
    }

    /** The module that builds a zip, if the zip is built here. */
    public Optional<Module> moduleBuilding(Path zip) {
        return Optional.ofNullable(functionModules.get(zip));
    }

    /** The module whose {@code src/main} holds {@code file}, if any. */
    public Optional<Module> containing(Path file) {
        return modules().stream().filter(module -> file.startsWith(module.watched())).findFirst();
    }
}
