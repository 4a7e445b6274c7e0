package dev.fnbundle.local.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak memory of a function's JVM, as Lambda's "Max Memory Used" reports its execution environment's: the
 * process's resident set size high-water mark ({@code VmHWM} in Linux's {@code /proc/PID/status}), which covers
 * the heap, metaspace, code cache, thread stacks and the JVM itself. Unknown (-1) where there is no /proc.
 */
final class MemoryGauge {
    private MemoryGauge() {
    }

    /** The peak resident memory of {@code pid} in MB (rounded up), or -1. */
    static int peakMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.substring(6).replace("kB", "").trim());
                    return (int) ((kilobytes + 1023) / 1024);
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
