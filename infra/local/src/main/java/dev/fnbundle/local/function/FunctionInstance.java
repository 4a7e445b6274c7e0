package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment of a function: its own JVM, started from the function's unpacked zip with the Lambda
 * Runtime Interface Client as its main class, talking to a {@link RuntimeApiServer} of its own. It serves one
 * invocation at a time, like Lambda; an invocation that outlives the function's Timeout kills the JVM.
 */
final class FunctionInstance implements AutoCloseable {
    private final FunctionSpec spec;
    private final RuntimeApiServer runtimeApi;
    private final Process process;
    private final long startedNanos;
    private final int number;
    private long initMillis = -1;
    private boolean used;

    private FunctionInstance(FunctionSpec spec, RuntimeApiServer runtimeApi, Process process, int number) {
        this.spec = spec;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.startedNanos = System.nanoTime();
        this.number = number;
    }

    /** Starts the JVM; returns at once (see {@link #awaitReady}). */
    static FunctionInstance start(FunctionSpec spec, FunctionLauncher launcher, int number) throws IOException {
        var runtimeApi = new RuntimeApiServer(launcher.functionArn(spec));
        try {
            Process process = launcher.launch(spec, runtimeApi.address(), number);
            return new FunctionInstance(spec, runtimeApi, process, number);
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
    long awaitReady(long limitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (System.nanoTime() < deadline) {
            if (runtimeApi.ready().isDone()) {
                initMillis = (System.nanoTime() - startedNanos) / 1_000_000;
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
    InvocationResult invoke(byte[] event) throws InterruptedException {
        boolean cold = !used;
        used = true;
        long timeoutMillis = spec.timeoutSeconds() * 1000L;
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        var pending = runtimeApi.submit(requestId, event, System.currentTimeMillis() + timeoutMillis);
        try {
            while (true) {
                try {
                    var raw = pending.result().get(50, TimeUnit.MILLISECONDS);
                    return new InvocationResult(raw.success() ? InvocationResult.Outcome.SUCCESS
                            : InvocationResult.Outcome.FUNCTION_ERROR, raw.body(), raw.errorType(),
                            elapsed(started), cold, initMillis);
                } catch (TimeoutException e) {
                    if (elapsed(started) > timeoutMillis) {
                        runtimeApi.abandon(requestId);
                        close();
                        return failure(InvocationResult.Outcome.TIMEOUT, "Task timed out after "
                                + spec.timeoutSeconds() + ".00 seconds", started, cold);
                    }
                    if (!process.isAlive()) {
                        runtimeApi.abandon(requestId);
                        return failure(InvocationResult.Outcome.CRASH, "Runtime exited with code "
                                + process.exitValue(), started, cold);
                    }
                }
            }
        } catch (ExecutionException e) {
            return failure(InvocationResult.Outcome.CRASH, String.valueOf(e.getCause()), started, cold);
        }
    }

    private InvocationResult failure(InvocationResult.Outcome outcome, String message, long started, boolean cold) {
        String document = "{\"errorType\":\"" + (outcome == InvocationResult.Outcome.TIMEOUT ? "Sandbox.Timedout"
                : "Runtime.ExitError") + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
        return new InvocationResult(outcome, document.getBytes(StandardCharsets.UTF_8),
                outcome == InvocationResult.Outcome.TIMEOUT ? "Sandbox.Timedout" : "Runtime.ExitError",
                elapsed(started), cold, initMillis);
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int number() {
        return number;
    }

    long initMillis() {
        return initMillis;
    }

    /** Kills the JVM (and anything it started) and stops its Runtime API. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.close();
    }

    /** The function's init phase failed; the instance is gone. */
    static final class InitFailedException extends RuntimeException {
        InitFailedException(String message) {
            super(message);
        }
    }
}
