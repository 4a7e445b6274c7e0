package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.observe.InstanceEvent;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environments of one function: warm instances are reused, more are started under concurrent load
 * up to a limit (the function's reserved concurrency, if lower), and an instance that timed out or crashed is
 * replaced on the next invocation. Every instance change and every invocation goes to the {@link Recorder}.
 * Thread-safe.
 */
public final class FunctionPool implements AutoCloseable {
    private final FunctionSpec spec;
    private final FunctionLauncher launcher;
    private final long initLimitMillis;
    private final Recorder recorder;
    private final int maxInstances;
    private final Semaphore capacity;
    private final ConcurrentLinkedDeque<FunctionInstance> idle = new ConcurrentLinkedDeque<>();
    private final List<FunctionInstance> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean closed;
    private volatile String lastInitError;

    public FunctionPool(FunctionSpec spec, FunctionLauncher launcher, int maxInstances, long initLimitMillis,
                        Recorder recorder) {
        this.spec = spec;
        this.launcher = launcher;
        this.initLimitMillis = initLimitMillis;
        this.recorder = recorder;
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
            FunctionInstance instance = startInstance(false);
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
     * @param trigger what started the invocation, for the console and the recorder
     */
    public InvocationResult invoke(byte[] event, Trigger trigger) throws InterruptedException {
        return invoke(event, trigger, UUID.randomUUID().toString());
    }

    /** Invokes under a given request id: Lambda keeps an asynchronous event's id across its retries. */
    public InvocationResult invoke(byte[] event, Trigger trigger, String requestId) throws InterruptedException {
        Instant start = Instant.now();
        capacity.acquire();
        try {
            FunctionInstance instance = idle.poll();
            while (instance != null && !instance.isAlive()) {
                retire(instance, "exited");
                instance = idle.poll();
            }
            if (instance == null) {
                instance = startInstance(true);
                if (instance == null) {
                    return record(initFailure(requestId), trigger, start, event);
                }
            }
            recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(), InstanceEvent.State.BUSY, -1,
                    null));
            InvocationResult result = instance.invoke(event, requestId);
            if (instance.isAlive() && !closed) {
                recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(), InstanceEvent.State.READY,
                        -1, null));
                idle.push(instance);
            } else {
                retire(instance, result.status());
            }
            return record(result, trigger, start, event);
        } finally {
            capacity.release();
        }
    }

    private InvocationResult record(InvocationResult result, Trigger trigger, Instant start, byte[] event) {
        recorder.invocation(new InvocationRecord(0, result.requestId(), spec.logicalId(), result.instance(),
                trigger, start, result.durationMillis(), result.initMillis(), result.billedMillis(),
                spec.memoryMb(), result.maxMemoryMb(), result.status(), result.errorType(),
                Recorder.cut(new String(event, StandardCharsets.UTF_8), Recorder.MAX_BODY_CHARS),
                Recorder.cut(result.payloadText(), Recorder.MAX_BODY_CHARS)));
        return result;
    }

    private FunctionInstance startInstance(boolean onDemand) throws InterruptedException {
        int number = started.incrementAndGet();
        recorder.instance(InstanceEvent.of(spec.logicalId(), number, InstanceEvent.State.STARTING, -1, null));
        FunctionInstance instance = null;
        try {
            instance = FunctionInstance.start(spec, launcher, number, recorder, onDemand);
            all.add(instance);
            double initMillis = instance.awaitReady(initLimitMillis);
            lastInitError = null;
            recorder.instance(InstanceEvent.of(spec.logicalId(), number, InstanceEvent.State.READY, initMillis,
                    null));
            return instance;
        } catch (IOException | FunctionInstance.InitFailedException e) {
            lastInitError = e.getMessage();
            recorder.instance(InstanceEvent.of(spec.logicalId(), number, InstanceEvent.State.FAILED, -1,
                    e.getMessage()));
            if (instance != null) {
                all.remove(instance);
                instance.close();
            }
            return null;
        }
    }

    private InvocationResult initFailure(String requestId) {
        String message = String.valueOf(lastInitError).replace("\"", "'");
        byte[] document = ("{\"errorType\":\"Runtime.InitError\",\"errorMessage\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new InvocationResult(InvocationResult.Outcome.CRASH, document, "Runtime.InitError",
                requestId, 0, 0, -1, -1, new byte[0]);
    }

    private void retire(FunctionInstance instance, String why) {
        all.remove(instance);
        instance.close();
        recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(), InstanceEvent.State.STOPPED, -1,
                why));
    }

    /** Stops every instance. */
    @Override
    public void close() {
        closed = true;
        List<FunctionInstance> snapshot;
        synchronized (all) {
            snapshot = new ArrayList<>(all);
        }
        snapshot.forEach(instance -> retire(instance, "runtime stopped"));
        all.clear();
        idle.clear();
    }
}
