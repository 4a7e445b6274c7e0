package dev.fnbundle.local.function;

import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.observe.InstanceEvent;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The execution environments of one function: warm instances are reused, more are started under concurrent load
 * up to a limit (the function's reserved concurrency, if lower; one for a debugged function), and an instance that
 * timed out or crashed is replaced on the next invocation. An invocation that finds an instance starting (ahead of
 * traffic or for another invocation) waits for it rather than start another, so instances start one at a time.
 * {@link #reload} swaps in new code: in-flight invocations finish on the old code, every later one runs the new.
 * Every instance change and every invocation goes to the {@link Recorder}. Thread-safe.
 */
public final class FunctionPool implements AutoCloseable {
    private final FunctionSpec spec;
    private final FunctionLauncher launcher;
    private final long initLimitMillis;
    private final Recorder recorder;
    private final int maxInstances;
    private final boolean debugged;
    private final Semaphore capacity;
    private final LinkedBlockingDeque<FunctionInstance> idle = new LinkedBlockingDeque<>();
    private final List<FunctionInstance> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger warming = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean onDemandStarting = new AtomicBoolean();
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Path code;
    private volatile boolean closed;
    private volatile boolean everReady;
    private volatile String lastInitError;
    private volatile long lastInitNanos;
    private volatile long lastReadyAt;

    /**
     * @param code the task root instances start from, until {@link #reload}
     */
    public FunctionPool(FunctionSpec spec, FunctionLauncher launcher, Path code, int maxInstances,
                        long initLimitMillis, Recorder recorder) {
        this.spec = spec;
        this.launcher = launcher;
        this.code = code;
        this.recorder = recorder;
        this.debugged = launcher.debug().debugs(spec.logicalId());
        // A debugger waiting to attach may hold init up for as long as the developer takes.
        this.initLimitMillis = debugged && launcher.debug().suspend() ? Long.MAX_VALUE / 4 : initLimitMillis;
        int limit = spec.reservedConcurrency() > 0 ? Math.min(spec.reservedConcurrency(), maxInstances)
                : maxInstances;
        this.maxInstances = debugged ? 1 : limit;
        this.capacity = new Semaphore(this.maxInstances, true);
    }

    public FunctionSpec spec() {
        return spec;
    }

    public int maxInstances() {
        return maxInstances;
    }

    /** The code new instances start from. */
    public Path code() {
        return code;
    }

    /** The JDWP port of this function's instance, or null when it is not debugged. */
    public Integer debugPort() {
        return launcher.debug().ports().get(spec.logicalId());
    }

    /** How long the last instance's init took, in milliseconds (0 before one started). */
    public long lastInitMillis() {
        return lastInitNanos / 1_000_000;
    }

    /** The reason the last instance failed to start, or null. */
    public String lastInitError() {
        return lastInitError;
    }

    /** Starts one instance ahead of traffic, so the first request is warm; invocations arriving meanwhile wait. */
    public void warmUp() throws InterruptedException {
        capacity.acquire();
        warming.incrementAndGet();
        try {
            FunctionInstance instance = startInstance(code, false);
            if (instance != null) {
                idle.push(instance);
            }
        } finally {
            warming.decrementAndGet();
            capacity.release();
        }
    }

    /**
     * {@link #warmUp} unless an instance already runs or starts (a request came first): what the background start
     * of the runtime does, so a function is not started twice.
     */
    public void warmUpIfCold() throws InterruptedException {
        if (all.isEmpty() && started.get() == 0) {
            warmUp();
        }
    }

    /** True once an instance has finished init (and none is known to be broken since). */
    public boolean isReady() {
        return lastInitError == null && everReady;
    }

    /**
     * What the function is doing, for {@code /_local/health}: {@code ready}, {@code starting}, {@code waiting for a
     * debugger on port N}, {@code failed: <why>}, or {@code not started} (none has been asked for yet).
     */
    public String state() {
        if (lastInitError != null) {
            return "failed: " + lastInitError;
        }
        if (everReady) {
            return debugged ? "ready (debugger on port " + debugPort() + ")" : "ready";
        }
        if (started.get() == 0) {
            return "not started";
        }
        return debugged && launcher.debug().suspend() ? "waiting for a debugger on port " + debugPort()
                : "starting";
    }

    private boolean starting() {
        return warming.get() > 0 || onDemandStarting.get();
    }

    /** True while an instance is starting ahead of traffic. */
    public boolean isWarming() {
        return warming.get() > 0;
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
        inFlight.incrementAndGet();
        try {
            return invokeCounted(event, trigger, requestId, Instant.now());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** True while an invocation waits for or runs on an instance of this function. */
    public boolean serving() {
        return inFlight.get() > 0;
    }

    private InvocationResult invokeCounted(byte[] event, Trigger trigger, String requestId, Instant start)
            throws InterruptedException {
        capacity.acquire();
        try {
            if (closed) {
                return record(InvocationResult.crash(requestId, "Runtime.Stopped", "the local runtime is stopping"),
                        trigger, start, Recorder.cut(event, Recorder.MAX_BODY_CHARS));
            }
            FunctionInstance instance = idleOrStarted();
            if (instance == null) {
                return record(InvocationResult.crash(requestId, "Runtime.InitError", String.valueOf(lastInitError)),
                        trigger, start, Recorder.cut(event, Recorder.MAX_BODY_CHARS));
            }
            recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(), InstanceEvent.State.BUSY, -1,
                    null));
            CompletableFuture<String> eventText = Recorder.cutMeanwhile(event, Recorder.MAX_BODY_CHARS);
            InvocationResult result = instance.invoke(event, requestId);
            if (instance.isAlive() && !closed && instance.taskRoot().equals(code)) {
                recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(), InstanceEvent.State.READY,
                        -1, null));
                idle.push(instance);
            } else {
                retire(instance, instance.isAlive() && !closed ? "code reloaded" : result.status());
            }
            return record(result, trigger, start, eventText.join());
        } finally {
            capacity.release();
        }
    }

    /**
     * A warm instance, else one this invocation starts. A burst of requests to a cold function (36 routes called at
     * once while the stack starts) used to start one JVM per request, 18 at once on 2 cores, each init five times
     * as long. Now it waits for the one starting instance, and the function scales out one start at a time: not
     * while JVMs of other functions are in their init ({@link JvmStarts}), and only for an invocation that has
     * waited, since it came or since the last instance became ready, as long as that init took: a new instance
     * could not have served it sooner, and a busy one is usually free again well before (the first requests of a
     * burst are served in turn by the instance they waited for; a new JVM is about 1.3 s of CPU here).
     *
     * @return null when the start failed (its init error is in {@link #lastInitError()})
     */
    private FunctionInstance idleOrStarted() throws InterruptedException {
        long waitingSince = System.nanoTime();
        while (true) {
            FunctionInstance instance = takeIdle();
            if (instance != null) {
                return instance;
            }
            if (!all.isEmpty() && (launcher.starts().any()
                    || System.nanoTime() - Math.max(waitingSince, lastReadyAt) < lastInitNanos)) {
                Thread.sleep(10);
                continue;
            }
            if (onDemandStarting.compareAndSet(false, true)) {
                try {
                    return startInstance(code, true);
                } finally {
                    onDemandStarting.set(false);
                }
            }
        }
    }

    /**
     * A warm instance running the current code, or one that finishes starting (ahead of traffic or for another
     * invocation) while we wait; null when there is none and none is starting.
     */
    private FunctionInstance takeIdle() throws InterruptedException {
        while (true) {
            FunctionInstance instance = idle.poll();
            if (instance == null && starting()) {
                instance = idle.poll(20, TimeUnit.MILLISECONDS);
                if (instance != null) {
                    instance.waitedFor();
                }
            }
            if (instance == null) {
                if (starting()) {
                    continue;
                }
                return null;
            }
            if (!instance.isAlive()) {
                retire(instance, "exited");
            } else if (!instance.taskRoot().equals(code)) {
                retire(instance, "code reloaded");
            } else {
                return instance;
            }
        }
    }

    /**
     * Replaces the function's code with {@code next}. A new instance is started first; only once its init is over
     * does it take the traffic: warm instances of the old code stop at once, busy ones finish their invocation
     * (RELOADING) and stop. When the new code fails its init, the old code keeps serving. A debugged function,
     * whose single instance owns the debugger's port, stops its instance (after its invocation) before the new
     * one starts.
     *
     * @return null when the new code serves, else why it does not (its init error)
     */
    public String reload(Path next) throws InterruptedException {
        reloading.lockInterruptibly();
        try {
            if (debugged) {
                code = next;
                retireStale();
                warmUp();
                return lastInitError;
            }
            FunctionInstance fresh = startInstance(next, false);
            if (fresh == null) {
                return lastInitError;
            }
            code = next;
            idle.push(fresh);
            retireStale();
            return null;
        } finally {
            reloading.unlock();
        }
    }

    /** Stops the warm instances of older code and says which busy ones will stop after their invocation. */
    private void retireStale() {
        for (FunctionInstance instance : List.copyOf(idle)) {
            if (!instance.taskRoot().equals(code) && idle.remove(instance)) {
                retire(instance, "code reloaded");
            }
        }
        List<FunctionInstance> snapshot;
        synchronized (all) {
            snapshot = new ArrayList<>(all);
        }
        for (FunctionInstance instance : snapshot) {
            if (!instance.taskRoot().equals(code) && !idle.contains(instance)) {
                recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(),
                        InstanceEvent.State.RELOADING, -1, "finishes its invocation on the previous code"));
            }
        }
    }

    private InvocationResult record(InvocationResult result, Trigger trigger, Instant start, String eventText) {
        recorder.invocation(new InvocationRecord(0, result.requestId(), spec.logicalId(), result.instance(),
                trigger, start, result.durationMillis(), result.initMillis(), result.billedMillis(),
                spec.memoryMb(), result.maxMemoryMb(), result.status(), result.errorType(),
                eventText,
                Recorder.cut(result.payload() == null ? new byte[0] : result.payload(), Recorder.MAX_BODY_CHARS)));
        return result;
    }

    private FunctionInstance startInstance(Path taskRoot, boolean onDemand) throws InterruptedException {
        int number = started.incrementAndGet();
        recorder.instance(InstanceEvent.of(spec.logicalId(), number, InstanceEvent.State.STARTING, -1,
                debugged ? "debugger port " + debugPort() : null));
        FunctionInstance instance = null;
        // A debugged JVM may wait for its debugger for as long as the developer likes: it does not hold others back.
        try (var counted = debugged ? null : launcher.starts().begin()) {
            instance = FunctionInstance.start(spec, launcher, taskRoot, number, recorder, onDemand);
            all.add(instance);
            double initMillis = instance.awaitReady(initLimitMillis);
            lastInitNanos = (long) (initMillis * 1e6);
            lastReadyAt = System.nanoTime();
            lastInitError = null;
            everReady = true;
            recorder.instance(InstanceEvent.of(spec.logicalId(), number, InstanceEvent.State.READY, initMillis,
                    instance.cpuSoFar()));
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
        } catch (InterruptedException e) {
            if (instance != null) {
                all.remove(instance);
                instance.close();
            }
            throw e;
        }
    }

    private void retire(FunctionInstance instance, String why) {
        all.remove(instance);
        instance.close();
        recorder.instance(InstanceEvent.of(spec.logicalId(), instance.number(), InstanceEvent.State.STOPPED, -1,
                why));
    }

    /**
     * Stops every instance once the invocations in flight are over (or {@code limitMillis} has passed): what a
     * function removed from the template, or replaced by a changed one, gets.
     */
    public void closeWhenIdle(long limitMillis) throws InterruptedException {
        boolean drained = capacity.tryAcquire(maxInstances, limitMillis, TimeUnit.MILLISECONDS);
        try {
            close();
        } finally {
            if (drained) {
                capacity.release(maxInstances);
            }
        }
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
