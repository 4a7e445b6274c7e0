package dev.fnbundle.local.function;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The peak memory of a function's JVM, as Lambda's "Max Memory Used" reports its execution environment's: the
 * process's resident set size high-water mark ({@code VmHWM} in Linux's {@code /proc/PID/status}), which covers
 * the heap, metaspace, code cache, thread stacks and the JVM itself. Unknown (-1) where there is no /proc.
 *
 * <p>Read after every invocation, so the file stays open and is read again from its start (Linux makes it anew
 * for each read) and scanned as bytes: no open, no lines, no Strings per invocation. Not thread-safe: one per
 * instance, which serves one invocation at a time.
 */
final class MemoryGauge implements AutoCloseable {
    private static final byte[] FIELD = "VmHWM:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final FileChannel status;
    private final ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);

    private MemoryGauge(FileChannel status) {
        this.status = status;
    }

    /** The gauge of process {@code pid}; it reads -1 when the process has no /proc entry. */
    static MemoryGauge of(long pid) {
        try {
            return new MemoryGauge(FileChannel.open(Path.of("/proc", Long.toString(pid), "status"),
                    StandardOpenOption.READ));
        } catch (IOException | UnsupportedOperationException e) {
            return new MemoryGauge(null);
        }
    }

    /** The peak resident memory in MB (rounded up), or -1. */
    int peakMegabytes() {
        if (status == null) {
            return -1;
        }
        try {
            buffer.clear();
            int read;
            while (buffer.hasRemaining() && (read = status.read(buffer, buffer.position())) > 0) {
                buffer.position(buffer.position() + read);
            }
            return parse(buffer.array(), buffer.position());
        } catch (IOException e) {
            return -1;
        }
    }

    /** The VmHWM line's kilobytes as MB rounded up, or -1 when the text has none. */
    static int parse(byte[] text, int length) {
        outer:
        for (int i = 0; i + FIELD.length <= length; i++) {
            if (i > 0 && text[i - 1] != '\n') {
                continue;
            }
            for (int k = 0; k < FIELD.length; k++) {
                if (text[i + k] != FIELD[k]) {
                    continue outer;
                }
            }
            long kilobytes = 0;
            boolean digits = false;
            for (int j = i + FIELD.length; j < length && text[j] != '\n'; j++) {
                if (text[j] >= '0' && text[j] <= '9') {
                    kilobytes = kilobytes * 10 + (text[j] - '0');
                    digits = true;
                } else if (digits) {
                    break;
                }
            }
            return digits ? (int) ((kilobytes + 1023) / 1024) : -1;
        }
        return -1;
    }

    @Override
    public void close() {
        if (status != null) {
            try {
                status.close();
            } catch (IOException e) {
                // nothing to keep
            }
        }
    }
}
