package dev.fnbundle.local.function;

import dev.fnbundle.local.observe.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Lambda's asynchronous invocations ({@code InvocationType: Event}): the event is queued and the caller gets its
 * request id at once; the function runs when it can, and a failed attempt (an error, a timeout, a crash) is
 * retried after each of the {@code retryDelays} — Lambda retries twice, about one and two minutes after — with
 * the same request id. An event still failing after the last retry is dropped with a console warning, where
 * Lambda would send it to the function's on-failure destination. At most {@code maxQueued} events, and
 * {@code maxQueuedBytes} of them, wait at once.
 */
public final class AsyncInvocations implements AutoCloseable {
    private final List<Duration> retryDelays;
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Consumer<String> warnings;
    private final AtomicInteger queued = new AtomicInteger();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("async-invocation-retries").factory());

    public AsyncInvocations(List<Duration> retryDelays, int maxQueued, long maxQueuedBytes,
                            Consumer<String> warnings) {
        this.retryDelays = List.copyOf(retryDelays);
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
        this.warnings = warnings;
    }

    /**
     * Queues an event for {@code pool} under {@code requestId}.
     *
     * @return false when the queue is full (Lambda answers 429)
     */
    public boolean submit(FunctionPool pool, byte[] event, String requestId) {
        if (queued.incrementAndGet() > maxQueued || queuedBytes.addAndGet(event.length) > maxQueuedBytes) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-event.length);
            return false;
        }
        runners.submit(() -> attempt(pool, event, requestId, 1));
        return true;
    }

    private void attempt(FunctionPool pool, byte[] event, String requestId, int attempt) {
        int attempts = retryDelays.size() + 1;
        String how = attempt == 1 ? "Event" : "Event retry " + (attempt - 1) + " of " + retryDelays.size();
        InvocationResult result;
        try {
            result = pool.invoke(event, Trigger.invoke(how), requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done(event);
            return;
        }
        if (result.succeeded()) {
            done(event);
        } else if (attempt < attempts) {
            Duration delay = retryDelays.get(attempt - 1);
            warnings.accept(pool.spec().logicalId() + ": asynchronous invocation " + requestId + " failed ("
                    + result.status() + (result.errorType() == null ? "" : " " + result.errorType()) + "); retry "
                    + attempt + " of " + retryDelays.size() + " in " + describe(delay));
            timer.schedule(() -> runners.submit(() -> attempt(pool, event, requestId, attempt + 1)),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            done(event);
            warnings.accept(pool.spec().logicalId() + ": asynchronous invocation " + requestId + " dropped after "
                    + attempts + " attempt(s) (" + result.status() + "); Lambda would send it to the function's"
                    + " on-failure destination or dead-letter queue, if it had one");
        }
    }

    private void done(byte[] event) {
        queued.decrementAndGet();
        queuedBytes.addAndGet(-event.length);
    }

    private static String describe(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        runners.shutdownNow();
    }
}
