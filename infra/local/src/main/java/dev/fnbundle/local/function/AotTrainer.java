package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes a function's {@link AotCaches AOT cache} with a training run: a JVM of its own, out of the pool and at a
 * lower CPU priority, runs the function's init and, for a function behind HTTP API routes, the
 * {@link TrainingEvents} (a {@code GET} to a path no route has, then each of its {@code GET} routes for an item that
 * does not exist: reads only, no side effect), then is asked to stop, and writes the cache as it exits. Nothing
 * of it is recorded or logged but its own training log, deleted once the cache is in place.
 */
public final class AotTrainer {
    private static final long EXIT_LIMIT_SECONDS = 300;

    private final FunctionLauncher launcher;
    private final long initLimitMillis;

    public AotTrainer(FunctionLauncher launcher, long initLimitMillis) {
        this.launcher = launcher;
        this.initLimitMillis = initLimitMillis;
    }

    /**
     * Trains the function's cache from the code in {@code taskRoot} (the zip whose SHA-256 is {@code zipSha256}).
     *
     * @param httpRoutes whether to exercise the function with an HTTP API event
     * @return true when the cache is in place
     */
    public boolean train(FunctionSpec spec, Path taskRoot, String zipSha256, boolean httpRoutes)
            throws InterruptedException {
        AotCaches caches = launcher.aot();
        Path output;
        Path log = caches.trainingLog(spec);
        try {
            output = caches.trainingOutput(spec);
            Files.deleteIfExists(output);
        } catch (IOException e) {
            return false;
        }
        try (var runtimeApi = new RuntimeApiServer(launcher.functionArn(spec))) {
            Process process = launcher.launchTraining(spec, taskRoot, runtimeApi.address(), output, log);
            try {
                if (!exercise(spec, runtimeApi, process, httpRoutes)) {
                    return false;
                }
                process.destroy();
                if (!process.waitFor(EXIT_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                    return false;
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (Files.isRegularFile(output) && Files.size(output) > 0) {
                caches.trained(spec, zipSha256, output);
                Files.deleteIfExists(log);
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean exercise(FunctionSpec spec, RuntimeApiServer runtimeApi, Process process, boolean httpRoutes)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(initLimitMillis);
        while (!runtimeApi.ready().isDone()) {
            if (runtimeApi.initError().isDone() || !process.isAlive() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        if (!httpRoutes) {
            return true;
        }
        long timeoutMillis = spec.timeoutSeconds() * 1000L;
        for (var event : TrainingEvents.of(spec, UUID.randomUUID().toString())) {
            var pending = runtimeApi.submit(event.requestId(), event.json(),
                    System.currentTimeMillis() + timeoutMillis);
            try {
                // An error answer still trained the path to it; only a function that does not answer ends the run.
                pending.result().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }
        return true;
    }
}
