package dev.fnbundle.local.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.observe.Recorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment of a function: its own JVM, started from the function's unpacked zip with a Runtime
 * API client as its main class, talking to a {@link RuntimeApiServer} of its own, its output carried into the
 * function's log by a {@link LogPump}. It serves one invocation at a time, like Lambda; an invocation that
 * outlives the function's Timeout kills the JVM, unless the function is being debugged.
 */
final class FunctionInstance implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FunctionSpec spec;
    private final RuntimeApiServer runtimeApi;
    private final Process process;
    private final LogPump logs;
    private final MemoryGauge memory;
    private final long startedNanos;
    private final int number;
    private final Path taskRoot;
    private final boolean debugged;
    private volatile boolean onDemand;
    private double initMillis = -1;
    private boolean used;
    private boolean closed;

    /** The instance's JVM, just launched, and the pump carrying its output into the function's log. */
    private record Launched(Process process, LogPump logs) {
    }

    private FunctionInstance(FunctionSpec spec, RuntimeApiServer runtimeApi, Launched launched, int number,
                             Path taskRoot, boolean debugged, boolean onDemand) {
        this.spec = spec;
        this.taskRoot = taskRoot;
        this.debugged = debugged;
        this.runtimeApi = runtimeApi;
        this.process = launched.process();
        this.logs = launched.logs();
        this.memory = MemoryGauge.of(process.pid());
        this.startedNanos = System.nanoTime();
        this.number = number;
        this.onDemand = onDemand;
    }

    /**
     * Starts the JVM; returns at once (see {@link #awaitReady}).
     *
     * @param onDemand true when an invocation waits for this instance (its first invocation is a cold start),
     *                 false when it is started ahead of traffic
     */
    static FunctionInstance start(FunctionSpec spec, FunctionLauncher launcher, Path taskRoot, int number,
                                  Recorder recorder, boolean onDemand) throws IOException {
        var runtimeApi = new RuntimeApiServer(launcher.functionArn(spec));
        try {
            Process process = launcher.launch(spec, taskRoot, runtimeApi.address(), number);
            var logs = new LogPump(launcher.instanceOutput(spec, number), launcher.logFile(spec), spec.logicalId(),
                    number, recorder);
            return new FunctionInstance(spec, runtimeApi, new Launched(process, logs), number, taskRoot,
                    launcher.debug().debugs(spec.logicalId()), onDemand);
        } catch (IOException | RuntimeException e) {
            runtimeApi.close();
            throw e;
        }
    }

    /**
     * Waits until the function's init phase is over (its runtime client asked for the first invocation).
     *
     * @return the init duration in milliseconds
     * @throws InitFailedException when init failed, the JVM exited, or init took longer than {@code limitMillis}
     */
    double awaitReady(long limitMillis) throws InterruptedException {
        // Elapsed time against the limit, never a deadline: a debugger's unbounded limit would overflow one.
        long limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        long begun = System.nanoTime();
        while (System.nanoTime() - begun < limitNanos) {
            if (runtimeApi.ready().isDone()) {
                initMillis = (System.nanoTime() - startedNanos) / 1_000_000.0;
                return initMillis;
            }
            if (runtimeApi.initError().isDone()) {
                close();
                throw new InitFailedException(spec.logicalId() + " failed during init: "
                        + runtimeApi.initError().getNow(""));
            }
            if (!process.isAlive()) {
                throw new InitFailedException(spec.logicalId() + " exited during init with code "
                        + process.exitValue() + " (see its log)");
            }
            Thread.sleep(5);
        }
        close();
        throw new InitFailedException(spec.logicalId() + " did not finish init within " + limitMillis + " ms");
    }

    /** Runs one invocation; never throws for function failures, which are part of the result. */
    InvocationResult invoke(byte[] event, String requestId) throws InterruptedException {
        double coldInit = !used && onDemand ? initMillis : -1;
        used = true;
        long timeoutMillis = spec.timeoutSeconds() * 1000L;
        logs.begin(requestId);
        long started = System.nanoTime();
        var pending = runtimeApi.submit(requestId, event, System.currentTimeMillis() + timeoutMillis);
        try {
            while (true) {
                try {
                    var raw = pending.result().get(50, TimeUnit.MILLISECONDS);
                    long duration = System.nanoTime() - started;
                    return new InvocationResult(raw.success() ? InvocationResult.Outcome.SUCCESS
                            : InvocationResult.Outcome.FUNCTION_ERROR, raw.body(),
                            raw.success() ? null : errorType(raw.body(), raw.errorType()), requestId,
                            number, duration, coldInit, memory.peakMegabytes(), logs.end());
                } catch (TimeoutException e) {
                    // A debugged function may stop at a breakpoint for as long as its developer likes.
                    if (!debugged && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
                        runtimeApi.abandon(requestId);
                        return failure(InvocationResult.Outcome.TIMEOUT, "Task timed out after "
                                + spec.timeoutSeconds() + ".00 seconds", requestId, started, coldInit);
                    }
                    if (!process.isAlive()) {
                        runtimeApi.abandon(requestId);
                        return failure(InvocationResult.Outcome.CRASH, "Runtime exited with code "
                                + process.exitValue(), requestId, started, coldInit);
                    }
                }
            }
        } catch (ExecutionException e) {
            return failure(InvocationResult.Outcome.CRASH, String.valueOf(e.getCause()), requestId, started,
                    coldInit);
        }
    }

    /** Ends a failed invocation: its memory and logs are read before a timed-out JVM is killed. */
    private InvocationResult failure(InvocationResult.Outcome outcome, String message, String requestId,
                                     long started, double coldInit) {
        long duration = System.nanoTime() - started;
        int peak = memory.peakMegabytes();
        byte[] tail = logs.end();
        if (outcome == InvocationResult.Outcome.TIMEOUT) {
            close();
        }
        String type = outcome == InvocationResult.Outcome.TIMEOUT ? "Sandbox.Timedout" : "Runtime.ExitError";
        String document = "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'")
                + "\"}";
        return new InvocationResult(outcome, document.getBytes(StandardCharsets.UTF_8), type, requestId, number,
                duration, coldInit, peak, tail);
    }

    /**
     * The error document's errorType (the exception's class, as Lambda shows it), else the type the runtime client
     * put in its header (the RIC says Runtime.UserException for every handler exception).
     */
    static String errorType(byte[] document, String headerType) {
        if (document != null && document.length <= 1024 * 1024) {
            try {
                var type = MAPPER.readTree(document).path("errorType");
                if (type.isTextual() && !type.asText().isEmpty()) {
                    return type.asText();
                }
            } catch (IOException | RuntimeException e) {
                // not JSON: the header says what it can
            }
        }
        return headerType;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int number() {
        return number;
    }

    /** The code this instance runs. */
    Path taskRoot() {
        return taskRoot;
    }

    /**
     * An invocation waited for this instance's init, started ahead of traffic: its first invocation is reported as
     * a cold start, as Lambda reports an invocation that waited for an execution environment to start.
     */
    void waitedFor() {
        onDemand = true;
    }

    double initMillis() {
        return initMillis;
    }

    /**
     * The CPU time the JVM used so far, every thread, as {@code "cpu N ms"}, or null where the OS does not tell: on a
     * busy 2-core machine an init's wall time mostly measures waiting for a core, this measures the init itself.
     */
    String cpuSoFar() {
        return process.info().totalCpuDuration().map(cpu -> "cpu " + cpu.toMillis() + " ms").orElse(null);
    }

    /** Kills the JVM (and anything it started), stops its Runtime API and reads the last of its output. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.close();
        logs.close();
        memory.close();
    }

    /** The function's init phase failed; the instance is gone. */
    static final class InitFailedException extends RuntimeException {
        InitFailedException(String message) {
            super(message);
        }
    }
}
