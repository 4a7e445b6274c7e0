package dev.fnbundle.local;

import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.function.AotTrainer;
import dev.fnbundle.local.function.FunctionLauncher;
import dev.fnbundle.local.function.FunctionPool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * What the runtime does in the background once it listens: every function's first instance, then the AOT caches of
 * functions that have none for their code yet.
 */
final class FunctionWarmUp {
    private final FunctionLauncher launcher;
    private final Map<String, FunctionPool> pools;
    private final long initLimitMillis;
    private final Console console;

    FunctionWarmUp(FunctionLauncher launcher, Map<String, FunctionPool> pools, long initLimitMillis,
                   Console console) {
        this.launcher = launcher;
        this.pools = pools;
        this.initLimitMillis = initLimitMillis;
        this.console = console;
    }

    /** The pools, those behind HTTP routes first: what a developer calls first. */
    static List<FunctionPool> routedFirst(Collection<FunctionPool> pools) {
        var ordered = new ArrayList<>(pools);
        ordered.sort(Comparator.comparing(pool -> !routed(pool)));
        return ordered;
    }

    private static boolean routed(FunctionPool pool) {
        return !pool.spec().events(EventSpec.HttpApiRoute.class).isEmpty();
    }

    /**
     * Starts the first instance of each cold pool in this order, {@link #startEach} at a time: first the functions
     * behind routes, and only once all of them run and have answered the requests that were waiting for them
     * (at most {@link #QUIET_LIMIT_MILLIS}), the others (queue consumers, scheduled functions). A queue or schedule
     * that fires meanwhile starts its function on demand; but a developer calls routes first, and on a 2-core
     * machine every JVM starting beside a routed function's first invocations makes them slower.
     */
    void warmUp(List<FunctionPool> ordered) throws InterruptedException {
        List<FunctionPool> routed = ordered.stream().filter(FunctionWarmUp::routed).toList();
        startEach(routed, FunctionPool::warmUpIfCold);
        awaitQuiet(routed, QUIET_LIMIT_MILLIS);
        startEach(ordered.stream().filter(pool -> !routed(pool)).toList(), FunctionPool::warmUpIfCold);
    }

    /** How long the others wait at most for the routed functions to answer what was waiting for them. */
    static final long QUIET_LIMIT_MILLIS = 10_000;

    /** Returns once none of {@code pools} has an invocation in flight, or after {@code limitMillis}. */
    static void awaitQuiet(List<FunctionPool> pools, long limitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + limitMillis * 1_000_000;
        while (pools.stream().anyMatch(FunctionPool::serving) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** How one pool is started: its first instance, if it has none yet or unconditionally. */
    @FunctionalInterface
    interface PoolStart {
        void start(FunctionPool pool) throws Exception;
    }

    /**
     * Runs {@code start} for each pool in this order, as many JVMs at a time as there are cores but at least two
     * (more would only make each start slower on a small machine), and returns when every start has ended. What
     * a start throws is its pool's to report (a failed pool says so on health and on the console).
     */
    static void startEach(Collection<FunctionPool> pools, PoolStart start) throws InterruptedException {
        var slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FunctionPool pool : pools) {
                slots.acquire();
                threads.submit(() -> {
                    try {
                        start.start(pool);
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
        }
    }

    /**
     * Makes the AOT cache of each function whose cache is missing or was made from other code, one at a time;
     * skips functions under a debugger and pools a template reload has replaced meanwhile.
     */
    void trainAotCaches(List<FunctionPool> ordered) throws InterruptedException {
        if (!launcher.aot().enabled()) {
            return;
        }
        var trainer = new AotTrainer(launcher, initLimitMillis);
        long begun = System.nanoTime();
        int made = 0;
        for (FunctionPool pool : ordered) {
            FunctionSpec spec = pool.spec();
            if (launcher.debug().debugs(spec.logicalId()) || pools.get(spec.logicalId()) != pool) {
                continue;
            }
            String hash;
            try {
                hash = launcher.taskRoots().sha256(spec.codeUri());
            } catch (IOException e) {
                continue;
            }
            if (launcher.aot().needsTraining(spec, hash)
                    && trainer.train(spec, pool.code(), hash, !spec.events(EventSpec.HttpApiRoute.class).isEmpty())) {
                made++;
            }
        }
        if (made > 0) {
            console.info(String.format(Locale.ROOT, "made the AOT cache of %d function(s) in %.1f s"
                    + " (target/local/aot): their JVMs start faster from now on", made,
                    (System.nanoTime() - begun) / 1e9));
        }
    }
}
