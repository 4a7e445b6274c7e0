package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environments of one function: warm instances are reused, more are started under concurrent load
 * up to a limit (the function's reserved concurrency, if lower), and an instance that timed out or crashed is
 * replaced on the next invocation. Thread-safe.
 */
public final class FunctionPool implements AutoCloseable {
    private final FunctionSpec spec;
    private final FunctionLauncher launcher;
    private final long initLimitMillis;
    private final Listener listener;
    private final int maxInstances;
    private final Semaphore capacity;
    private final ConcurrentLinkedDeque<FunctionInstance> idle = new ConcurrentLinkedDeque<>();
    private final List<FunctionInstance> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean closed;
    private volatile String lastInitError;

    /** Hears about instances and invocations, for the console. */
    public interface Listener {
        void instanceReady(FunctionSpec spec, int instance, long initMillis);

        void instanceFailed(FunctionSpec spec, int instance, String reason);

        void invoked(FunctionSpec spec, String trigger, InvocationResult result);
    }

    public FunctionPool(FunctionSpec spec, FunctionLauncher launcher, int maxInstances, long initLimitMillis,
                        Listener listener) {
        this.spec = spec;
        this.launcher = launcher;
        this.initLimitMillis = initLimitMillis;
        this.listener = listener;
        this.maxInstances = spec.reservedConcurrency() > 0 ? Math.min(spec.reservedConcurrency(), maxInstances)
                : maxInstances;
        this.capacity = new Semaphore(this.maxInstances, true);
    }

    public FunctionSpec spec() {
        return spec;
    }

    public int maxInstances() {
        return maxInstances;
    }

    /** The reason the last instance failed to start, or null. */
    public String lastInitError() {
        return lastInitError;
    }

    /** Starts one instance ahead of traffic, so the first request is warm. */
    public void warmUp() throws InterruptedException {
        capacity.acquire();
        try {
            FunctionInstance instance = startInstance();
            if (instance != null) {
                idle.push(instance);
            }
        } finally {
            capacity.release();
        }
    }

    /** True once an instance has finished init (and none is known to be broken since). */
    public boolean isReady() {
        return lastInitError == null && started.get() > 0;
    }

    /**
     * Invokes the function with an event; waits for a free instance when all are busy.
     *
     * @param trigger how the invocation came in, for the console ("POST /orders/resolve", "sqs", ...)
     */
    public InvocationResult invoke(byte[] event, String trigger) throws InterruptedException {
        capacity.acquire();
        try {
            FunctionInstance instance = idle.poll();
            while (instance != null && !instance.isAlive()) {
                retire(instance);
                instance = idle.poll();
            }
            if (instance == null) {
                instance = startInstance();
                if (instance == null) {
                    var result = initFailure();
                    listener.invoked(spec, trigger, result);
                    return result;
                }
            }
            InvocationResult result = instance.invoke(event);
            if (instance.isAlive() && !closed) {
                idle.push(instance);
            } else {
                retire(instance);
            }
            listener.invoked(spec, trigger, result);
            return result;
        } finally {
            capacity.release();
        }
    }

    private FunctionInstance startInstance() throws InterruptedException {
        int number = started.incrementAndGet();
        FunctionInstance instance = null;
        try {
            instance = FunctionInstance.start(spec, launcher, number);
            all.add(instance);
            long initMillis = instance.awaitReady(initLimitMillis);
            lastInitError = null;
            listener.instanceReady(spec, number, initMillis);
            return instance;
        } catch (IOException | FunctionInstance.InitFailedException e) {
            lastInitError = e.getMessage();
            listener.instanceFailed(spec, number, e.getMessage());
            if (instance != null) {
                retire(instance);
            }
            return null;
        }
    }

    private InvocationResult initFailure() {
        String message = String.valueOf(lastInitError).replace("\"", "'");
        byte[] document = ("{\"errorType\":\"Runtime.InitError\",\"errorMessage\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new InvocationResult(InvocationResult.Outcome.CRASH, document, "Runtime.InitError", 0, true, -1);
    }

    private void retire(FunctionInstance instance) {
        all.remove(instance);
        instance.close();
    }

    /** Stops every instance. */
    @Override
    public void close() {
        closed = true;
        List<FunctionInstance> snapshot;
        synchronized (all) {
            snapshot = new ArrayList<>(all);
        }
        snapshot.forEach(FunctionInstance::close);
        all.clear();
        idle.clear();
    }
}
