package dev.fnbundle.local.observe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtime's memory of what happened: the last {@code maxInvocations} invocations, the last
 * {@code maxLinesPerFunction} log lines of each function, each instance's latest state and the last reloads, plus
 * live subscriptions. Bounded whatever runs: the oldest entries go first, and event and response bodies and log lines
 * are cut to a fixed size. Thread-safe; reads return snapshots.
 */
public final class Recorder {
    /** Longest event or response body kept with an invocation. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    /** Longest log line kept. */
    public static final int MAX_LINE_CHARS = 16 * 1024;
    private static final int MAX_INSTANCES = 500;
    /** Below this size an event is cut on the request's thread: a thread would cost more than it saves. */
    private static final int CUT_AT_ONCE_BYTES = 256 * 1024;
    private static final int MAX_RELOADS = 200;
    /** Eight bytes of an array read as one long, for {@link #charsOf}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final int maxInvocations;
    private final int maxLinesPerFunction;
    private final Deque<InvocationRecord> invocations = new ArrayDeque<>();
    private final Map<String, Deque<LogLine>> lines = new HashMap<>();
    private final Map<String, InstanceEvent> instances = new LinkedHashMap<>();
    private final Deque<ReloadEvent> reloads = new ArrayDeque<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();
    private long sequence;

    public Recorder(int maxInvocations, int maxLinesPerFunction) {
        this.maxInvocations = maxInvocations;
        this.maxLinesPerFunction = maxLinesPerFunction;
    }

    /** 1 000 invocations and 5 000 lines per function: a few tens of MB at most. */
    public static Recorder withDefaultLimits() {
        return new Recorder(1_000, 5_000);
    }

    /** Starts telling {@code observer} what is recorded from now on; close the result to stop. */
    public AutoCloseable subscribe(Observer observer) {
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    public void invocation(InvocationRecord record) {
        InvocationRecord numbered;
        synchronized (this) {
            numbered = record.withSequence(++sequence);
            invocations.addLast(numbered);
            if (invocations.size() > maxInvocations) {
                invocations.removeFirst();
            }
        }
        for (Observer observer : observers) {
            try {
                observer.invocation(numbered);
            } catch (RuntimeException e) {
                // an observer's failure is its own
            }
        }
    }

    public void log(LogLine line) {
        LogLine numbered;
        synchronized (this) {
            String text = line.text().length() > MAX_LINE_CHARS ? cut(line.text(), MAX_LINE_CHARS) : line.text();
            numbered = new LogLine(++sequence, line.time(), line.function(), line.instance(), line.requestId(),
                    line.level(), text);
            Deque<LogLine> ofFunction = lines.computeIfAbsent(line.function(), f -> new ArrayDeque<>());
            ofFunction.addLast(numbered);
            if (ofFunction.size() > maxLinesPerFunction) {
                ofFunction.removeFirst();
            }
        }
        for (Observer observer : observers) {
            try {
                observer.log(numbered);
            } catch (RuntimeException e) {
                // an observer's failure is its own
            }
        }
    }

    public void instance(InstanceEvent event) {
        InstanceEvent numbered;
        synchronized (this) {
            numbered = event.withSequence(++sequence);
            instances.put(event.function() + "#" + event.instance(), numbered);
            if (instances.size() > MAX_INSTANCES) {
                // Instances replaced after crashes or reloads: the gone ones are forgotten first.
                instances.values().removeIf(gone -> instances.size() > MAX_INSTANCES
                        && (gone.state() == InstanceEvent.State.STOPPED || gone.state() == InstanceEvent.State.FAILED));
            }
        }
        for (Observer observer : observers) {
            try {
                observer.instance(numbered);
            } catch (RuntimeException e) {
                // an observer's failure is its own
            }
        }
    }

    public void reload(ReloadEvent event) {
        ReloadEvent numbered;
        synchronized (this) {
            numbered = event.withSequence(++sequence);
            reloads.addLast(numbered);
            if (reloads.size() > MAX_RELOADS) {
                reloads.removeFirst();
            }
        }
        for (Observer observer : observers) {
            try {
                observer.reload(numbered);
            } catch (RuntimeException e) {
                // an observer's failure is its own
            }
        }
    }

    /** The recorded reloads (code and template changes applied or refused), oldest first. */
    public synchronized List<ReloadEvent> reloads() {
        return List.copyOf(reloads);
    }

    /** The recorded invocations, oldest first. */
    public synchronized List<InvocationRecord> invocations() {
        return List.copyOf(invocations);
    }

    /** The invocation with this request id, if it is still recorded. */
    public synchronized Optional<InvocationRecord> invocation(String requestId) {
        return invocations.stream().filter(r -> r.requestId().equals(requestId)).findFirst();
    }

    /** A function's recorded log lines, oldest first. */
    public synchronized List<LogLine> logs(String function) {
        Deque<LogLine> ofFunction = lines.get(function);
        return ofFunction == null ? List.of() : List.copyOf(ofFunction);
    }

    /** The recorded log lines one invocation printed, oldest first. */
    public synchronized List<LogLine> logsOf(String function, String requestId) {
        var found = new ArrayList<LogLine>();
        for (LogLine line : lines.getOrDefault(function, new ArrayDeque<>())) {
            if (requestId.equals(line.requestId())) {
                found.add(line);
            }
        }
        return found;
    }

    /** The latest state of every instance that ever started, in order of first appearance. */
    public synchronized List<InstanceEvent> instances() {
        return List.copyOf(instances.values());
    }

    /**
     * {@link #cut(byte[], int)} of a large event on a virtual thread: started as the event goes to the function, it
     * is done while the function works rather than after its answer, off the request's path (for an event of
     * megabytes, a few tenths of a millisecond). A small one is cut at once.
     */
    public static CompletableFuture<String> cutMeanwhile(byte[] utf8, int max) {
        if (utf8 == null || utf8.length <= CUT_AT_ONCE_BYTES) {
            return CompletableFuture.completedFuture(cut(utf8, max));
        }
        return CompletableFuture.supplyAsync(() -> cut(utf8, max), task -> Thread.ofVirtual().start(task));
    }

    /**
     * A UTF-8 body as text, cut like {@link #cut(String, int)} but without decoding what is cut away: an event or
     * answer of megabytes costs the recorder only its first {@code max} characters.
     */
    public static String cut(byte[] utf8, int max) {
        if (utf8 == null) {
            return null;
        }
        if (utf8.length <= max) {
            return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        }
        // max characters take at least max bytes: decode a prefix that holds them (at most 4 bytes each)
        int prefix = (int) Math.min(utf8.length, 4L * max);
        while (prefix < utf8.length && (utf8[prefix] & 0xC0) == 0x80) {
            prefix--;
        }
        String head = new String(utf8, 0, prefix, java.nio.charset.StandardCharsets.UTF_8);
        if (head.length() <= max && prefix == utf8.length) {
            return head;
        }
        if (head.length() <= max) {
            return cut(new String(utf8, java.nio.charset.StandardCharsets.UTF_8), max);
        }
        int end = Character.isHighSurrogate(head.charAt(max - 1)) ? max - 1 : max;
        long rest = head.length() - end + charsOf(utf8, prefix);
        return head.substring(0, end) + "...[" + rest + " more characters]";
    }

    /**
     * The UTF-16 length of the UTF-8 bytes from {@code from} on, without decoding them: eight bytes at a time while
     * they are ASCII (a JSON event of megabytes mostly is), byte by byte where they are not.
     */
    private static long charsOf(byte[] utf8, int from) {
        long chars = 0;
        int i = from;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            if (((long) LONGS.get(utf8, i) & 0x8080808080808080L) == 0) {
                chars += Long.BYTES;
                continue;
            }
            for (int k = i; k < i + Long.BYTES; k++) {
                chars += charsOfByte(utf8[k]);
            }
        }
        for (; i < utf8.length; i++) {
            chars += charsOfByte(utf8[i]);
        }
        return chars;
    }

    /** What one byte adds: a lead byte one char (two for a 4-byte sequence, a surrogate pair), a follower none. */
    private static int charsOfByte(byte value) {
        int b = value & 0xFF;
        if ((b & 0xC0) == 0x80) {
            return 0;
        }
        return b >= 0xF0 ? 2 : 1;
    }

    /** {@code text} cut to {@code max} characters (never half a surrogate pair), saying how much was cut. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...[" + (text.length() - end) + " more characters]";
    }
}
