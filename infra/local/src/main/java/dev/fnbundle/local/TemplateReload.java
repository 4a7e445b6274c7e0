package dev.fnbundle.local;

import dev.fnbundle.embedded.Provisioner;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.HttpApiSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.QueueSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.embedded.template.UnsupportedTemplateException;
import dev.fnbundle.local.api.RouteTable;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.observe.ReloadEvent;
import dev.fnbundle.local.schedule.Scheduler;
import dev.fnbundle.local.sqs.SqsEventSource;
import dev.fnbundle.local.template.TemplateAudit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a changed template to the running stack ({@code --watch}) without restarting DynamoDB Local, ElasticMQ
 * or GreenMail: new tables and queues are created, new and changed functions start (and take traffic once their
 * first instance is ready), the routes, queue triggers and schedules become the template's, and removed or
 * replaced functions stop once their invocations in flight are over. A template that does not resolve (or, with
 * {@code --strict}, has what cannot run) is refused whole: the previous one keeps running. Tables and queues the
 * template no longer declares are kept, with their data; changed properties of existing ones need a restart.
 */
final class TemplateReload {
    private final BundleRuntime stack;
    private final Options options;

    TemplateReload(BundleRuntime stack, Options options) {
        this.stack = stack;
        this.options = options;
    }

    /** Applies the template as it is on disk now; {@code firstSeenNanos} is when its change was first seen. */
    ReloadEvent apply(long firstSeenNanos) throws InterruptedException {
        String file = options.template().getFileName().toString();
        try {
            var changes = new ArrayList<String>();
            List<String> functions = applyOrRefuse(changes);
            return ReloadEvent.of(ReloadEvent.Kind.TEMPLATE, List.of(file), functions, true,
                    millisSince(firstSeenNanos), changes.isEmpty() ? "nothing the runtime runs changed"
                            : String.join("; ", changes));
        } catch (UserFacingException | UnsupportedTemplateException | IllegalArgumentException e) {
            return ReloadEvent.of(ReloadEvent.Kind.TEMPLATE, List.of(file), List.of(), false,
                    millisSince(firstSeenNanos), e.getMessage());
        }
    }

    private List<String> applyOrRefuse(List<String> changes) throws InterruptedException {
        StackModel previous = stack.model();
        StackModel next = resolveOrRefuse();
        RouteTable routes = RouteTable.from(next);
        refuseUnknownQueues(next);
        provision(previous, next, changes);
        var retired = new ArrayList<FunctionPool>();
        Map<String, FunctionPool> fresh = replacePools(previous, next, retired);
        stack.replace(next, stack.scheduler());
        stack.gateway().reroute(routes, next.apis().values().stream().map(HttpApiSpec::cors)
                .filter(Objects::nonNull).findFirst().orElse(null));
        describeRoutes(previous, routes, changes);
        restartSources(next, changes);
        restartSchedules(changes);
        for (String id : previous.functions().keySet()) {
            if (!next.functions().containsKey(id)) {
                retired.add(stack.pools().remove(id));
            }
        }
        describeFunctions(previous, next, fresh.keySet(), changes);
        retired.forEach(TemplateReload::closeWhenIdle);
        var touched = new TreeSet<>(fresh.keySet());
        retired.forEach(pool -> touched.add(pool.spec().logicalId()));
        if (!stack.gateway().routes().scopes().equals(RouteTable.from(previous).scopes())) {
            stack.console().warning("the routes' authorization scopes changed: the dev token carries the scopes"
                    + " of the start; restart for a token with the new ones");
        }
        return List.copyOf(touched);
    }

    /**
     * The template on disk, resolved as at start.
     *
     * @throws UserFacingException with {@code --strict}, when it has what does not run locally
     */
    private StackModel resolveOrRefuse() {
        Template template = Template.read(options.template());
        StackModel next = StackModel.resolve(template, stack.parametersFor(template, options),
                LocalAccount.local("local", stack.sqsEndpoint()));
        var audit = TemplateAudit.of(template, next);
        if (options.innerLoop().strict() && !audit.notices().isEmpty()) {
            throw new UserFacingException("--strict: the template has what cannot run locally: "
                    + audit.notices().getFirst() + (audit.notices().size() > 1 ? " (and "
                    + (audit.notices().size() - 1) + " more)" : ""));
        }
        return next;
    }

    /** @throws UserFacingException when a queue trigger listens to a queue the template does not declare */
    private static void refuseUnknownQueues(StackModel next) {
        for (FunctionSpec function : next.functions().values()) {
            for (var source : function.events(EventSpec.SqsSource.class)) {
                if (source.enabled() && next.queueByArn(source.queueArn()).isEmpty()) {
                    throw new UserFacingException(function.logicalId() + " listens to " + source.queueArn()
                            + ", which is not a queue of the template");
                }
            }
        }
    }

    /**
     * Starts the new and changed functions and puts their pools in place of the old ones, which are added to
     * {@code retired}; returns the new pools.
     */
    private Map<String, FunctionPool> replacePools(StackModel previous, StackModel next, List<FunctionPool> retired)
            throws InterruptedException {
        var started = new ArrayList<FunctionSpec>();
        for (FunctionSpec function : next.functions().values()) {
            FunctionSpec before = previous.functions().get(function.logicalId());
            if (before == null || !sameLaunch(before, function)) {
                started.add(function);
            }
        }
        Map<String, FunctionPool> fresh = startPools(started);
        fresh.forEach((id, pool) -> {
            FunctionPool old = stack.pools().put(id, stack.track(pool));
            if (old != null) {
                retired.add(old);
            }
        });
        return fresh;
    }

    /** Stops a retired pool in the background once its invocations in flight are over (or its timeout passed). */
    private static void closeWhenIdle(FunctionPool pool) {
        long limit = pool.spec().timeoutSeconds() * 1000L + 5_000;
        Thread.ofVirtual().name("retire-" + pool.spec().logicalId()).start(() -> {
            try {
                pool.closeWhenIdle(limit);
            } catch (InterruptedException e) {
                pool.close();
            }
        });
    }

    /** Creates the tables and queues the template adds (dead-letter queues first). */
    private void provision(StackModel previous, StackModel next, List<String> changes) {
        var provisioner = new Provisioner(stack.aws().dynamoDb(), stack.aws().sqs());
        next.tables().forEach((id, table) -> {
            var before = previous.tables().get(id);
            if (before == null) {
                provisioner.createTable(table);
                changes.add("table " + table.name() + " created");
            } else if (!before.equals(table)) {
                changes.add("table " + table.name() + " changed: restart to apply its new properties");
            }
        });
        var queues = new ArrayList<>(next.queues().values());
        queues.sort((a, b) -> Boolean.compare(a.hasDeadLetterQueue(), b.hasDeadLetterQueue()));
        for (QueueSpec queue : queues) {
            var before = previous.queues().get(queue.logicalId());
            if (before == null) {
                provisioner.createQueue(queue);
                changes.add("queue " + queue.name() + " created");
            } else if (!before.equals(queue)) {
                changes.add("queue " + queue.name() + " changed: restart to apply its new properties");
            }
        }
    }

    /** Starts the first instance of each new or changed function, a few at a time, before any takes traffic. */
    private Map<String, FunctionPool> startPools(List<FunctionSpec> functions) throws InterruptedException {
        var fresh = new LinkedHashMap<String, FunctionPool>();
        if (functions.isEmpty()) {
            return fresh;
        }
        Map<String, java.nio.file.Path> code = stack.taskRoots(functions);
        for (FunctionSpec function : functions) {
            fresh.put(function.logicalId(), stack.newPool(function, code.get(function.logicalId()), options));
        }
        FunctionWarmUp.startEach(fresh.values(), FunctionPool::warmUp);
        return fresh;
    }

    /** Keeps each queue trigger that did not change; stops the others and starts the template's new ones. */
    private void restartSources(StackModel next, List<String> changes) {
        List<SqsEventSource> sources = stack.sources();
        var kept = new ArrayList<SqsEventSource>();
        var wanted = new ArrayList<SqsEventSource>();
        for (FunctionSpec function : next.functions().values()) {
            FunctionPool pool = stack.pools().get(function.logicalId());
            for (var source : function.events(EventSpec.SqsSource.class)) {
                if (!source.enabled()) {
                    continue;
                }
                QueueSpec queue = next.queueByArn(source.queueArn()).orElseThrow();
                SqsEventSource same = sources.stream().filter(s -> s.pool() == pool && s.source().equals(source)
                        && s.queue().equals(queue)).findFirst().orElse(null);
                if (same != null) {
                    kept.add(same);
                } else {
                    wanted.add(stack.track(stack.newSource(next, function, source)));
                    changes.add("queue trigger " + queue.name() + " -> " + function.logicalId() + " started");
                }
            }
        }
        for (SqsEventSource source : List.copyOf(sources)) {
            if (!kept.contains(source)) {
                source.close();
                changes.add("queue trigger " + source.queue().name() + " -> " + source.pool().spec().logicalId()
                        + " stopped");
            }
        }
        sources.retainAll(kept);
        sources.addAll(wanted);
    }

    /** Replaces the scheduler when a rule changed (its timers restart from now). */
    private void restartSchedules(List<String> changes) {
        Scheduler current = stack.scheduler();
        List<Scheduler.Rule> rules = stack.rules();
        if (sameRules(current.rules().values(), rules)) {
            return;
        }
        var next = stack.track(new Scheduler(rules, Clock.systemUTC(), "000000000000", "us-east-1"));
        current.close();
        next.start();
        stack.replace(stack.model(), next);
        Set<String> before = current.rules().keySet();
        Set<String> after = next.rules().keySet();
        after.stream().filter(name -> !before.contains(name)).forEach(name -> changes.add("schedule " + name
                + " started"));
        before.stream().filter(name -> !after.contains(name)).forEach(name -> changes.add("schedule " + name
                + " stopped"));
        after.stream().filter(before::contains).filter(name -> !sameRule(current.rules().get(name),
                next.rules().get(name))).forEach(name -> changes.add("schedule " + name + " changed"));
    }

    private static boolean sameRules(java.util.Collection<Scheduler.Rule> current, List<Scheduler.Rule> next) {
        if (current.size() != next.size()) {
            return false;
        }
        var byName = new LinkedHashMap<String, Scheduler.Rule>();
        current.forEach(rule -> byName.put(rule.name(), rule));
        return next.stream().allMatch(rule -> byName.containsKey(rule.name())
                && sameRule(byName.get(rule.name()), rule));
    }

    private static boolean sameRule(Scheduler.Rule a, Scheduler.Rule b) {
        return a.pool() == b.pool() && a.expressionText().equals(b.expressionText())
                && Objects.equals(a.input(), b.input()) && a.enabled() == b.enabled();
    }

    private static void describeRoutes(StackModel previous, RouteTable routes, List<String> changes) {
        Set<String> before = routeKeys(RouteTable.from(previous));
        Set<String> after = routeKeys(routes);
        after.stream().filter(key -> !before.contains(key)).forEach(key -> changes.add("route " + key + " added"));
        before.stream().filter(key -> !after.contains(key)).forEach(key -> changes.add("route " + key
                + " removed"));
    }

    private static Set<String> routeKeys(RouteTable routes) {
        var keys = new TreeSet<String>();
        routes.routes().forEach(route -> keys.add(route.routeKey() + " (" + route.functionLogicalId() + ")"));
        routes.defaultRoute().ifPresent(route -> keys.add("$default (" + route.functionLogicalId() + ")"));
        return keys;
    }

    private static void describeFunctions(StackModel previous, StackModel next, Set<String> started,
                                          List<String> changes) {
        for (String id : started) {
            changes.add("function " + id + (previous.functions().containsKey(id) ? " restarted with its new"
                    + " settings" : " started"));
        }
        previous.functions().keySet().stream().filter(id -> !next.functions().containsKey(id))
                .forEach(id -> changes.add("function " + id + " stopped"));
    }

    /** Whether a function runs the same way: what its JVMs are started with, whatever its events. */
    static boolean sameLaunch(FunctionSpec a, FunctionSpec b) {
        return a.name().equals(b.name()) && a.codeUri().equals(b.codeUri()) && a.handler().equals(b.handler())
                && a.runtime().equals(b.runtime()) && a.memoryMb() == b.memoryMb()
                && a.timeoutSeconds() == b.timeoutSeconds() && a.environment().equals(b.environment())
                && a.reservedConcurrency() == b.reservedConcurrency();
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }
}
