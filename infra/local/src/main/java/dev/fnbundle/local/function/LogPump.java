package dev.fnbundle.local.function;

import dev.fnbundle.local.observe.LogLevel;
import dev.fnbundle.local.observe.LogLine;
import dev.fnbundle.local.observe.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Carries one instance's output (stdout and stderr, which its JVM writes to a file of its own) into the
 * function's log file, line by line, and into the {@link Recorder} with the request id the instance was serving.
 * A file rather than a pipe: when an invocation ends, everything the function printed before answering is
 * already in the file, so {@link #end} reads it all and the invocation's log tail is exact.
 */
final class LogPump implements AutoCloseable {
    /** Lambda's {@code LogType: Tail} returns the last 4 KB of an invocation's log. */
    static final int TAIL_BYTES = 4 * 1024;
    private static final long POLL_MILLIS = 100;
    private static final int MAX_PARTIAL_BYTES = 1024 * 1024;

    private final Path source;
    private final Path functionLog;
    private final String function;
    private final int instance;
    private final Recorder recorder;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final Thread poller;
    /** The instance's output, open from its first read on: a pump per invocation opens nothing. */
    private FileChannel channel;
    private long position;
    private String requestId;
    private ByteTail tail;
    private volatile boolean closed;

    LogPump(Path source, Path functionLog, String function, int instance, Recorder recorder) {
        this.source = source;
        this.functionLog = functionLog;
        this.function = function;
        this.instance = instance;
        this.recorder = recorder;
        this.poller = Thread.ofVirtual().name("logs-" + function + "-" + instance).start(this::pollLoop);
    }

    /** From now on, lines belong to {@code id}. */
    synchronized void begin(String id) {
        pump();
        requestId = id;
        tail = new ByteTail(TAIL_BYTES);
    }

    /** Reads what the function printed up to now; returns the invocation's own lines (its last 4 KB). */
    synchronized byte[] end() {
        pump();
        byte[] lines = tail == null ? new byte[0] : tail.bytes();
        requestId = null;
        tail = null;
        return lines;
    }

    private void pollLoop() {
        while (!closed) {
            synchronized (this) {
                pump();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Copies new complete lines; a line still being written waits for its line break (or for close). */
    private void pump() {
        try {
            if (channel == null) {
                if (!Files.exists(source)) {
                    return;
                }
                channel = FileChannel.open(source, StandardOpenOption.READ);
            }
            ByteBuffer buffer = this.buffer;
            buffer.clear();
            int read;
            var complete = new ByteArrayOutputStream();
            while ((read = channel.read(buffer, position)) > 0) {
                position += read;
                byte[] bytes = buffer.array();
                int lineStart = 0;
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        partial.write(bytes, lineStart, i + 1 - lineStart);
                        line(partial.toByteArray(), complete);
                        partial.reset();
                        lineStart = i + 1;
                    }
                }
                partial.write(bytes, lineStart, read - lineStart);
                if (partial.size() > MAX_PARTIAL_BYTES) {
                    // A line without end (binary output, a runaway print) is kept in pieces, never whole.
                    partial.write('\n');
                    line(partial.toByteArray(), complete);
                    partial.reset();
                }
                buffer.clear();
            }
            if (complete.size() > 0) {
                try (OutputStream out = Files.newOutputStream(functionLog, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
                    complete.writeTo(out);
                }
            }
        } catch (IOException e) {
            // the file is gone (instance closed) or unreadable for a moment: try again on the next poll
        }
    }

    private void line(byte[] withBreak, ByteArrayOutputStream complete) {
        complete.writeBytes(withBreak);
        if (tail != null) {
            tail.write(withBreak);
        }
        String text = new String(withBreak, StandardCharsets.UTF_8).stripTrailing();
        recorder.log(new LogLine(0, Instant.now(), function, instance, requestId, LogLevel.of(text), text));
    }

    /** Reads what is left, a last unterminated line included, and deletes the instance's file. */
    @Override
    public synchronized void close() {
        closed = true;
        poller.interrupt();
        pump();
        if (partial.size() > 0) {
            partial.write('\n');
            var complete = new ByteArrayOutputStream();
            line(partial.toByteArray(), complete);
            partial.reset();
            try (OutputStream out = Files.newOutputStream(functionLog, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                complete.writeTo(out);
            } catch (IOException e) {
                // the log directory is gone: nothing left to keep the line in
            }
        }
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(source);
        } catch (IOException e) {
            // left for the next start, which truncates it
        }
    }

    /** The last {@code capacity} bytes written. */
    private static final class ByteTail {
        private final byte[] ring;
        private long written;

        ByteTail(int capacity) {
            ring = new byte[capacity];
        }

        void write(byte[] bytes) {
            for (byte b : bytes) {
                ring[(int) (written++ % ring.length)] = b;
            }
        }

        byte[] bytes() {
            int size = (int) Math.min(written, ring.length);
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = ring[(int) ((written - size + i) % ring.length)];
            }
            return out;
        }
    }
}
