package dev.fnbundle.local;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.Provisioner;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.HttpApiSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.embedded.template.UnsupportedTemplateException;
import dev.fnbundle.local.api.DevSigningKeys;
import dev.fnbundle.local.api.DevTokenFile;
import dev.fnbundle.local.api.HttpApiGateway;
import dev.fnbundle.local.api.JwtAuthority;
import dev.fnbundle.local.api.RouteTable;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.function.AsyncInvocations;
import dev.fnbundle.local.function.EnvironmentOverrides;
import dev.fnbundle.local.function.FunctionLauncher;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.mail.DemoMailbox;
import dev.fnbundle.local.mail.LocalMailServer;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.schedule.Scheduler;
import dev.fnbundle.local.sqs.SqsEventSource;
import dev.fnbundle.local.watch.Watcher;
import dev.fnbundle.local.webconsole.WebConsole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole template running on this machine: embedded DynamoDB Local, ElasticMQ and GreenMail with every table
 * and queue the template declares, a pool of JVMs per function, the HTTP API with its JWT authorizer, the SQS
 * event source mappings and the schedules. The services start side by side; the API listens as soon as they run,
 * and the function JVMs start in the background (those behind routes first), a request to a function still
 * starting waiting for it. With {@code --watch}, code and template changes are applied while it runs.
 * {@link #close()} stops everything, function JVMs included.
 */
public final class BundleRuntime implements AutoCloseable {
    private static final long INIT_LIMIT_MILLIS = 120_000;
    /** Asynchronous invocations waiting at once; Lambda's queue is far larger, but this is one machine. */
    private static final int MAX_QUEUED_EVENTS = 10_000;
    private static final long MAX_QUEUED_EVENT_BYTES = 256L * 1024 * 1024;

    private final Console console;
    private final Resources resources;
    private final long startedNanos = System.nanoTime();
    private volatile StackModel model;
    private LocalServices services;
    private LocalAws awsClients;
    private final Map<String, FunctionPool> pools = new ConcurrentSkipListMap<>();
    private FunctionLauncher launcher;
    private HttpApiGateway gateway;
    private volatile Scheduler scheduler;
    private final List<SqsEventSource> sources = new CopyOnWriteArrayList<>();
    private String devToken;
    private Thread background;
    /** Completes once every function has finished its first start (or failed it). */
    private final CompletableFuture<Void> warm = new CompletableFuture<>();

    private final Recorder recorder = Recorder.withDefaultLimits();
    private volatile long readyMillis = -1;
    private EnvironmentOverrides overrides = EnvironmentOverrides.none();

    private BundleRuntime(Console console) {
        this.console = console;
        this.resources = new Resources(console::warning);
        track(console.follow(recorder));
    }

    /**
     * Starts the services, the API, the queue triggers and the schedules, and returns as soon as they run; the
     * function JVMs start in the background (see {@link #awaitWarm}).
     */
    public static BundleRuntime start(Options options, Console console) throws InterruptedException {
        BundleRuntime stack = startWithoutFunctionJvms(options, console);
        try {
            stack.readyMillis = (System.nanoTime() - stack.startedNanos) / 1_000_000;
            stack.startInBackground();
            if (options.innerLoop().watch()) {
                stack.watch(options);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** {@link #start} without the function JVMs: what the runtime's own AOT cache records ({@link RuntimeAotCache}). */
    static BundleRuntime startWithoutFunctionJvms(Options options, Console console) throws InterruptedException {
        DevSigningKeys.prepare();
        var stack = new BundleRuntime(console);
        try {
            stack.startServices(options, options.ports());
            stack.startFunctions(options, null);
            stack.startTriggers(options);
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    /** Waits until the background work of {@link #start} (function starts, then their AOT caches) has ended. */
    void awaitBackgroundWork() throws InterruptedException {
        if (background != null) {
            background.join();
        }
    }

    /** {@code --watch}: code and template changes are applied as they are saved. */
    private void watch(Options options) {
        var reload = new TemplateReload(this, options);
        Watcher.Stack watched = new Watcher.Stack() {
            @Override
            public StackModel model() {
                return model;
            }

            @Override
            public java.util.Collection<FunctionPool> pools() {
                return List.copyOf(pools.values());
            }

            @Override
            public dev.fnbundle.local.observe.ReloadEvent applyTemplate(long firstSeenNanos)
                    throws InterruptedException {
                return reload.apply(firstSeenNanos);
            }
        };
        track(Watcher.start(watched, options.template(), launcher.taskRoots(), options.workDirectory(), recorder,
                console::info));
    }

    /**
     * Waits until every function has started its first instance (or failed to) and the demo mailbox is
     * registered.
     *
     * @return false when that did not happen within {@code limit}
     */
    public boolean awaitWarm(Duration limit) throws InterruptedException {
        try {
            warm.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Starts the services and one function, on free ports, for a single {@code invoke}. */
    public static BundleRuntime forInvoke(Options options, Console console) throws InterruptedException {
        var stack = new BundleRuntime(console);
        try {
            stack.startServices(options, Options.Ports.FREE);
            if (!stack.model.functions().containsKey(options.function())) {
                throw new UserFacingException("the template has no function " + options.function()
                        + "; functions: " + String.join(", ", stack.model.functions().keySet()));
            }
            stack.startFunctions(options, options.function());
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices(Options options, Options.Ports ports) throws InterruptedException {
        Template template = LocalTemplate.read(options.template());
        services = LocalServices.start(options, ports, this::track);
        try {
            model = StackModel.resolve(template, LocalTemplate.parameters(template, options, services.mail()),
                    LocalAccount.local("local", services.sqs().endpoint()));
        } catch (UnsupportedTemplateException e) {
            throw new UserFacingException(e.getMessage());
        }
        LocalTemplate.audit(template, model, options.innerLoop().strict(), console);
        overrides = options.innerLoop().envVars() == null ? EnvironmentOverrides.none()
                : EnvironmentOverrides.read(options.innerLoop().envVars(), model);
        overrides.unused().forEach(name -> console.warning("--env-vars: " + name + " is not set: only variables"
                + " the template declares are overridden, as in SAM CLI"));
        var aws = new LocalAws(services.dynamo(), services.sqs(), model);
        new Provisioner(aws.dynamoDb(), aws.sqs()).provision(model);
        track(aws.sqs());
        track(aws.dynamoDb());
        this.awsClients = aws;
    }

    private void startFunctions(Options options, String only) throws InterruptedException {
        launcher = LaunchSetup.launcher(options, model, services, overrides, only);
        var functions = model.functions().values().stream()
                .filter(function -> only == null || only.equals(function.logicalId())).toList();
        Map<String, Path> code = taskRoots(functions);
        for (FunctionSpec function : functions) {
            pools.put(function.logicalId(), track(newPool(function, code.get(function.logicalId()), options)));
        }
        if (only == null) {
            launcher.taskRoots().prune(Set.copyOf(code.values()));
        }
    }

    FunctionPool newPool(FunctionSpec function, Path code, Options options) {
        return new FunctionPool(function, launcher, code, options.maxInstances(), INIT_LIMIT_MILLIS, recorder);
    }

    /** The task root of each function (see {@link LaunchSetup#taskRoots}). */
    Map<String, Path> taskRoots(List<FunctionSpec> functions) throws InterruptedException {
        return LaunchSetup.taskRoots(launcher, functions);
    }

    /**
     * In the background: every function's first instance, those behind HTTP routes first; then the demo mailbox;
     * then the AOT caches of functions that have none for their code yet, one at a time.
     */
    private void startInBackground() {
        List<FunctionPool> ordered = FunctionWarmUp.routedFirst(pools.values());
        var warmUp = new FunctionWarmUp(launcher, pools, INIT_LIMIT_MILLIS, console);
        background = Thread.ofVirtual().name("functions-start").start(() -> {
            try {
                warmUp.warmUp(ordered);
                console.info(String.format(Locale.ROOT, "all %d functions started %.1f s after the runtime's"
                        + " start", ordered.size(), (System.nanoTime() - startedNanos) / 1e9));
                DemoMailbox.registerIfServed(model, services.mail(), gateway.port(), devToken, console);
                warm.complete(null);
                warmUp.trainAotCaches(ordered);
            } catch (InterruptedException e) {
                warm.complete(null);
            }
        });
        track(() -> {
            background.interrupt();
            background.join(10_000);
        });
    }

    private void startTriggers(Options options) {
        RouteTable routes;
        try {
            routes = RouteTable.from(model);
        } catch (UnsupportedTemplateException e) {
            throw new UserFacingException(e.getMessage());
        }
        var authority = new JwtAuthority(Clock.systemUTC(), System.getenv("LOCAL_DEV_TOKEN"),
                options.innerLoop().jwksUrl(), routes.scopes());
        var cors = model.apis().values().stream().map(HttpApiSpec::cors).filter(Objects::nonNull).findFirst();
        var async = track(new AsyncInvocations(options.innerLoop().asyncRetryDelays(), MAX_QUEUED_EVENTS,
                MAX_QUEUED_EVENT_BYTES, console::warning));
        gateway = track(new HttpApiGateway(options.port(), routes, cors.orElse(null), pools, authority, async,
                "000000000000"));
        var endpoints = new RuntimeEndpoints(pools.values(), () -> scheduler);
        gateway.local("/_local/health", endpoints::serveHealth);
        gateway.local("/_local/schedules/", endpoints::serveFire);
        for (FunctionSpec function : model.functions().values()) {
            for (var source : function.events(EventSpec.SqsSource.class)) {
                if (source.enabled()) {
                    sources.add(track(newSource(model, function, source)));
                }
            }
        }
        scheduler = track(new Scheduler(rules(), Clock.systemUTC(), "000000000000", EventTriggers.REGION));
        scheduler.start();
        devToken = mintDevToken(authority, options.workDirectory());
        for (String rule : options.fire()) {
            if (!scheduler.fire(rule)) {
                throw new UserFacingException("--fire " + rule + ": no schedule rule of that name; rules: "
                        + String.join(", ", scheduler.rules().keySet()));
            }
        }
        track(WebConsole.install(gateway, this, options.template().toAbsolutePath().getParent()));
    }

    /** The event source mapping of one SQS event of a function (see {@link EventTriggers#sqsSource}). */
    SqsEventSource newSource(StackModel of, FunctionSpec function, EventSpec.SqsSource source) {
        return EventTriggers.sqsSource(of, function, source, awsClients.sqs(), pools.get(function.logicalId()),
                console::warning);
    }

    /** The current model's schedule rules. */
    List<Scheduler.Rule> rules() {
        return EventTriggers.rules(model, pools);
    }

    private String mintDevToken(JwtAuthority authority, Path workDirectory) {
        var api = model.apis().values().stream().findFirst();
        if (api.isEmpty() || api.get().defaultAuthorizer() == null) {
            return null;
        }
        var authorizer = api.get().authorizers().get(api.get().defaultAuthorizer());
        String token = authority.mint(authorizer.issuer(), authorizer.audiences().isEmpty() ? ""
                : authorizer.audiences().get(0), "local-dev", Duration.ofHours(24));
        DevTokenFile.write(workDirectory, token);
        return token;
    }

    /** Closed by {@link #close}, before everything tracked earlier (later parts depend on earlier ones). */
    <T extends AutoCloseable> T track(T resource) {
        return resources.track(resource);
    }

    /** Ready when every function has a warm instance; the body lists each function's state. */
    public Map.Entry<Boolean, Object> health() {
        return RuntimeEndpoints.health(pools.values());
    }

    public StackModel model() {
        return model;
    }

    public Map<String, FunctionPool> pools() {
        return pools;
    }

    public int port() {
        return gateway.port();
    }

    public String devToken() {
        return devToken;
    }

    /** What happened so far: invocations, function log lines, instance states; subscribe for what comes. */
    public Recorder recorder() {
        return recorder;
    }

    /** How long the start took, until every function was warm and every trigger ran; -1 while starting. */
    public long readyMillis() {
        return readyMillis;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public List<SqsEventSource> sources() {
        return sources;
    }

    public LocalMailServer mail() {
        return services.mail();
    }

    public LocalAws aws() {
        return awsClients;
    }

    public java.net.URI dynamoEndpoint() {
        return services.dynamo().endpoint();
    }

    public java.net.URI sqsEndpoint() {
        return services.sqs().endpoint();
    }

    /** The launcher of the function JVMs (null before the functions start). */
    public FunctionLauncher launcher() {
        return launcher;
    }

    HttpApiGateway gateway() {
        return gateway;
    }

    Console console() {
        return console;
    }

    /** Replaces the model, scheduler and queue triggers after a template change (see {@link TemplateReload}). */
    void replace(StackModel next, Scheduler nextScheduler) {
        model = next;
        scheduler = nextScheduler;
    }

    /** Parameters for a template, as at start. */
    Map<String, String> parametersFor(Template template, Options options) {
        return LocalTemplate.parameters(template, options, services.mail());
    }

    /** Stops triggers first, then functions, then services. Safe to call twice. */
    @Override
    public void close() {
        resources.close();
    }
}
