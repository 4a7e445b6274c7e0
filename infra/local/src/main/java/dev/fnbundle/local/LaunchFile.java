package dev.fnbundle.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the runtime was last started by Maven, written so that {@code ./local} can start it again without Maven
 * when no source changed since: a {@code java} argument file (JVM options, class path, main class) and the path
 * of the {@code java} that ran it. Maven's up-to-date checks over 13 modules and the five zips assembled again
 * cost 11–14 s of a 2-core machine before the runtime's JVM even starts; {@code ./local} replaces them with one
 * {@code find} for files newer than the argument file.
 *
 * <p>The argument file's modification time is set to when Maven started, not when the runtime did: a source saved
 * while Maven was building (after its compiler looked) is then newer than the file, so the next {@code ./local}
 * builds again instead of starting code that does not contain it.
 */
final class LaunchFile {
    /** Set by the {@code local} Maven profile on the runtime it starts. */
    static final String STARTED_BY_MAVEN = "fnbundle.startedByMaven";

    static final String ARGUMENTS = "launch.args";
    static final String JAVA = "launch.java";
    /** Where the class path's directories and {@code Class-Path} jars go as plain jars ({@link RuntimeClassPath}). */
    static final String LIB = "runtime-lib";

    private LaunchFile() {
    }

    /** Writes the launch files under {@code workDirectory} when Maven started this JVM; otherwise does nothing. */
    static void writeIfStartedByMaven(Path workDirectory) {
        if (!Boolean.getBoolean(STARTED_BY_MAVEN)) {
            return;
        }
        try {
            Files.createDirectories(workDirectory);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Instant buildStarted = ProcessHandle.current().parent()
                    .flatMap(parent -> parent.info().startInstant())
                    .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
            String classPath = RuntimeClassPath.jarsOnly(System.getProperty("java.class.path"),
                    workDirectory.resolve(LIB));
            writeAtomically(workDirectory.resolve(JAVA), java + "\n", null);
            writeAtomically(workDirectory.resolve(ARGUMENTS), argumentFile(arguments(classPath)), buildStarted);
        } catch (IOException | RuntimeException e) {
            // Only ./local's shortcut is lost: it builds with Maven again next time.
        }
    }

    /**
     * This JVM's options (but the Maven marker, replaced by {@code ./local}'s), the class path of jars only that
     * the runtime's AOT cache needs ({@link RuntimeAotCache}) and the main class, in the order java wants.
     */
    private static List<String> arguments(String classPath) {
        var arguments = new ArrayList<String>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-D" + STARTED_BY_MAVEN)) {
                arguments.add(option);
            }
        }
        arguments.add("-D" + RuntimeAotCache.STARTED_BY_LOCAL + "=true");
        arguments.add("-cp");
        arguments.add(classPath);
        arguments.add(LocalRuntimeMain.class.getName());
        return arguments;
    }

    /** One argument per line, each quoted as {@code java}'s {@code @argfiles} read them. */
    static String argumentFile(List<String> arguments) {
        var text = new StringBuilder();
        for (String argument : arguments) {
            text.append('"');
            for (int i = 0; i < argument.length(); i++) {
                char c = argument.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append('\\');
                }
                text.append(c);
            }
            text.append("\"\n");
        }
        return text.toString();
    }

    /** The arguments of an argument file written by {@link #argumentFile}. */
    static List<String> readArgumentFile(String text) {
        var arguments = new ArrayList<String>();
        for (String line : text.split("\n")) {
            if (line.length() < 2 || line.charAt(0) != '"' || line.charAt(line.length() - 1) != '"') {
                continue;
            }
            var argument = new StringBuilder();
            for (int i = 1; i < line.length() - 1; i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length() - 1) {
                    c = line.charAt(++i);
                }
                argument.append(c);
            }
            arguments.add(argument.toString());
        }
        return arguments;
    }

    private static void writeAtomically(Path target, String text, Instant modified) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        if (modified != null) {
            Files.setLastModifiedTime(temporary, FileTime.from(modified));
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
