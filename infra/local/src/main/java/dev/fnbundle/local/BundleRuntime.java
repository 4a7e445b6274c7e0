package dev.fnbundle.local;

import dev.fnbundle.embedded.EmbeddedDynamo;
import dev.fnbundle.embedded.EmbeddedSqs;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.PortInUseException;
import dev.fnbundle.embedded.Provisioner;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.HttpApiSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.embedded.template.UnsupportedTemplateException;
import dev.fnbundle.local.api.DevTokenFile;
import dev.fnbundle.local.api.HttpApiGateway;
import dev.fnbundle.local.api.JwtAuthority;
import dev.fnbundle.local.api.RouteTable;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.function.AotCaches;
import dev.fnbundle.local.function.AotTrainer;
import dev.fnbundle.local.function.AsyncInvocations;
import dev.fnbundle.local.function.DebugSettings;
import dev.fnbundle.local.function.EnvironmentOverrides;
import dev.fnbundle.local.function.FunctionLauncher;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.RuntimeClientChoice;
import dev.fnbundle.local.mail.DemoMailbox;
import dev.fnbundle.local.mail.LocalMailServer;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.schedule.ScheduleExpression;
import dev.fnbundle.local.schedule.Scheduler;
import dev.fnbundle.local.sqs.SqsEventSource;
import dev.fnbundle.local.template.TemplateAudit;
import dev.fnbundle.local.watch.Watcher;
import dev.fnbundle.local.webconsole.WebConsole;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
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
    /**
     * Local values of template parameters (when the template has them): the JWT parameters have no default,
     * and inline mailbox passwords are for local use only, so AWS deployments keep them off.
     */
    static final Map<String, String> LOCAL_PARAMETERS = Map.of(
            "JwtIssuer", "https://fnbundle.local/dev",
            "JwtAudience", "fnbundle-local",
            "AllowInlineMailboxPasswords", "true");
    private static final long INIT_LIMIT_MILLIS = 120_000;
    /** Asynchronous invocations waiting at once; Lambda's queue is far larger, but this is one machine. */
    private static final int MAX_QUEUED_EVENTS = 10_000;
    private static final long MAX_QUEUED_EVENT_BYTES = 256L * 1024 * 1024;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Console console;
    private final long startedNanos = System.nanoTime();
    private volatile StackModel model;
    private EmbeddedDynamo dynamo;
    private EmbeddedSqs sqs;
    private LocalAws awsClients;
    private LocalMailServer mail;
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
        track(console.follow(recorder));
    }

    /**
     * Starts the services, the API, the queue triggers and the schedules, and returns as soon as they run; the
     * function JVMs start in the background (see {@link #awaitWarm}).
     */
    public static BundleRuntime start(Options options, Console console) throws InterruptedException {
        var stack = new BundleRuntime(console);
        try {
            stack.startServices(options, options.ports());
            stack.startFunctions(options, null);
            stack.startTriggers(options);
            stack.readyMillis = (System.nanoTime() - stack.startedNanos) / 1_000_000;
            stack.startInBackground(options);
            if (options.innerLoop().watch()) {
                stack.watch(options);
            }
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
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
        Template template = readTemplate(options.template());
        // Each service spends most of its start loading its own classes: side by side they start in about the
        // time of the slowest.
        try (var threads = Executors.newFixedThreadPool(3)) {
            Future<EmbeddedDynamo> dynamoStart = threads.submit(() -> EmbeddedDynamo.start(ports.dynamodb(),
                    options.persist()));
            Future<EmbeddedSqs> sqsStart = threads.submit(() -> EmbeddedSqs.start(ports.sqs()));
            Future<LocalMailServer> mailStart = options.mail()
                    ? threads.submit(() -> LocalMailServer.start(new LocalMailServer.Ports(ports.smtp(),
                            ports.imap(), ports.imaps()), options.workDirectory().resolve("tls")))
                    : CompletableFuture.completedFuture(null);
            var failures = new ArrayList<RuntimeException>();
            dynamo = started(dynamoStart, failures);
            sqs = started(sqsStart, failures);
            mail = started(mailStart, failures);
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
        }
        try {
            model = StackModel.resolve(template, parameters(template, options),
                    LocalAccount.local("local", sqs.endpoint()));
        } catch (UnsupportedTemplateException e) {
            throw new UserFacingException(e.getMessage());
        }
        audit(template, options.innerLoop().strict());
        overrides = options.innerLoop().envVars() == null ? EnvironmentOverrides.none()
                : EnvironmentOverrides.read(options.innerLoop().envVars(), model);
        overrides.unused().forEach(name -> console.warning("--env-vars: " + name + " is not set: only variables"
                + " the template declares are overridden, as in SAM CLI"));
        var aws = new LocalAws(dynamo, sqs, model);
        new Provisioner(aws.dynamoDb(), aws.sqs()).provision(model);
        track(aws.sqs());
        track(aws.dynamoDb());
        this.awsClients = aws;
    }

    /** A started service, tracked for {@link #close}; null when its start failed (the failure is added). */
    private <T extends AutoCloseable> T started(Future<T> start, List<RuntimeException> failures)
            throws InterruptedException {
        try {
            T service = start.get();
            return service == null ? null : track(service);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failures.add(cause instanceof PortInUseException || cause instanceof UserFacingException
                    ? new UserFacingException(cause.getMessage())
                    : cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause));
            return null;
        }
    }

    /**
     * Says what of the template does not run locally, one line each, and what only configures AWS; with
     * {@code --strict} the first kind is fatal.
     */
    private void audit(Template template, boolean strict) {
        var audit = TemplateAudit.of(template, model);
        if (strict && !audit.notices().isEmpty()) {
            var message = new StringBuilder("--strict: ").append(audit.notices().size())
                    .append(" construct(s) of the template cannot run locally:");
            audit.notices().forEach(notice -> message.append("\n  ").append(notice));
            throw new UserFacingException(message.toString());
        }
        audit.notices().forEach(notice -> console.warning("not run locally: " + notice));
        if (!audit.awsOnly().isEmpty()) {
            console.info("AWS-only settings, no local effect: " + String.join(", ", audit.awsOnly()));
        }
    }

    /** The {@link #LOCAL_PARAMETERS} this template declares. */
    static Map<String, String> localParameters(Template template) {
        var parameters = new LinkedHashMap<String, String>();
        LOCAL_PARAMETERS.forEach((name, value) -> {
            if (template.parameters().has(name)) {
                parameters.put(name, value);
            }
        });
        return parameters;
    }

    private Map<String, String> parameters(Template template, Options options) {
        var parameters = localParameters(template);
        if (options.allowLoopbackFetch() && template.parameters().has("AllowLoopbackFetch")) {
            parameters.put("AllowLoopbackFetch", "true");
        }
        if (mail != null && template.parameters().has("ImapTrustStore")) {
            parameters.put("ImapTrustStore", mail.trustStore().toString());
        }
        if (mail != null && template.parameters().has("ImapTrustStorePassword")) {
            parameters.put("ImapTrustStorePassword", LocalMailServer.trustStorePassword());
        }
        parameters.putAll(options.parameters());
        return parameters;
    }

    private void startFunctions(Options options, String only) throws InterruptedException {
        var debug = new DebugSettings(options.innerLoop().debug(), options.innerLoop().debugSuspend());
        for (String function : debug.ports().keySet()) {
            if (!model.functions().containsKey(function) || only != null && !only.equals(function)) {
                throw new UserFacingException("--debug " + function + ": the template has no function of that"
                        + " name" + (only == null ? "" : " to invoke") + "; functions: "
                        + String.join(", ", model.functions().keySet()));
            }
        }
        var client = RuntimeClientChoice.choose(options.runtimeClient(), directory("fnbundle.ric"),
                directory("fnbundle.portable.client"), options.workDirectory());
        String clientKey = String.join(File.pathSeparator, client.classpath().stream().map(Path::toString).toList());
        var aot = new AotCaches(options.workDirectory(), options.innerLoop().aotCache() && only == null, clientKey);
        launcher = new FunctionLauncher(options.workDirectory(), client,
                LocalAws.awsEnvironment(dynamo.endpoint(), sqs.endpoint()), "000000000000", overrides, aot, debug);
        var functions = model.functions().values().stream()
                .filter(function -> only == null || only.equals(function.logicalId())).toList();
        Map<String, Path> code = taskRoots(functions);
        for (FunctionSpec function : functions) {
            pools.put(function.logicalId(), track(newPool(function, code.get(function.logicalId()), options)));
        }
        if (only == null) {
            launcher.taskRoots().prune(java.util.Set.copyOf(code.values()));
        }
    }

    FunctionPool newPool(FunctionSpec function, Path code, Options options) {
        return new FunctionPool(function, launcher, code, options.maxInstances(), INIT_LIMIT_MILLIS, recorder);
    }

    /** The task root of each function, zips hashed and unpacked side by side, each zip once. */
    Map<String, Path> taskRoots(List<FunctionSpec> functions) throws InterruptedException {
        var byZip = new LinkedHashMap<Path, Future<Path>>();
        var code = new LinkedHashMap<String, Path>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FunctionSpec function : functions) {
                byZip.computeIfAbsent(function.codeUri(), zip -> threads.submit(() -> launcher.prepare(function)));
            }
            for (FunctionSpec function : functions) {
                code.put(function.logicalId(), byZip.get(function.codeUri()).get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
        return code;
    }

    /**
     * In the background: every function's first instance, those behind HTTP routes first (what a developer calls
     * first), two JVMs at a time (more would only make each start slower on a small machine); then the demo
     * mailbox; then the AOT caches of functions that have none for their code yet, one at a time.
     */
    private void startInBackground(Options options) {
        var ordered = new ArrayList<>(pools.values());
        ordered.sort(java.util.Comparator.comparing(pool -> pool.spec().events(EventSpec.HttpApiRoute.class)
                .isEmpty()));
        background = Thread.ofVirtual().name("functions-start").start(() -> {
            try {
                warmUp(ordered);
                console.info(String.format(java.util.Locale.ROOT, "all %d functions started %.1f s after the"
                        + " runtime's start", ordered.size(), (System.nanoTime() - startedNanos) / 1e9));
                DemoMailbox.registerIfServed(model, mail, gateway.port(), devToken, console);
                warm.complete(null);
                trainAotCaches(ordered);
            } catch (InterruptedException e) {
                warm.complete(null);
            }
        });
        track(() -> {
            background.interrupt();
            background.join(10_000);
        });
    }

    private void warmUp(List<FunctionPool> ordered) throws InterruptedException {
        var slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FunctionPool pool : ordered) {
                slots.acquire();
                threads.submit(() -> {
                    try {
                        pool.warmUpIfCold();
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
        }
    }

    /** Makes the AOT cache of each function whose cache is missing or was made from other code. */
    private void trainAotCaches(List<FunctionPool> ordered) throws InterruptedException {
        if (!launcher.aot().enabled()) {
            return;
        }
        var trainer = new AotTrainer(launcher, INIT_LIMIT_MILLIS);
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
            console.info(String.format(java.util.Locale.ROOT, "made the AOT cache of %d function(s) in %.1f s"
                    + " (target/local/aot): their JVMs start faster from now on", made,
                    (System.nanoTime() - begun) / 1e9));
        }
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
        scheduler = track(new Scheduler(rules(), Clock.systemUTC(), "000000000000", "us-east-1"));
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

    /**
     * The event source mapping of one SQS event of a function.
     *
     * @throws UserFacingException when the queue is not one of the template's
     */
    SqsEventSource newSource(StackModel of, FunctionSpec function, EventSpec.SqsSource source) {
        var queue = of.queueByArn(source.queueArn()).orElseThrow(() -> new UserFacingException(
                function.logicalId() + " listens to " + source.queueArn() + ", which is not a queue of the template"));
        return new SqsEventSource(awsClients.sqs(), queue, source, pools.get(function.logicalId()), "us-east-1",
                console::warning);
    }

    List<Scheduler.Rule> rules() {
        var rules = new ArrayList<Scheduler.Rule>();
        for (FunctionSpec function : model.functions().values()) {
            for (var schedule : function.events(EventSpec.Schedule.class)) {
                try {
                    rules.add(new Scheduler.Rule(schedule.name(), pools.get(function.logicalId()),
                            ScheduleExpression.parse(schedule.expression()), schedule.input(), schedule.enabled(),
                            schedule.expression()));
                } catch (IllegalArgumentException e) {
                    throw new UserFacingException(function.logicalId() + " event " + schedule.name() + ": "
                            + e.getMessage());
                }
            }
        }
        return rules;
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

    private static Template readTemplate(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UserFacingException("no template at " + path + "; pass --template FILE");
        }
        try {
            return Template.read(path);
        } catch (UnsupportedTemplateException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    /** A directory the build passes as a system property (see infra/local/pom.xml). */
    private static Path directory(String property) {
        String configured = System.getProperty(property);
        return configured == null ? null : Path.of(configured);
    }

    /** Closed by {@link #close}, before everything tracked earlier (later parts depend on earlier ones). */
    synchronized <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
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
        return mail;
    }

    public LocalAws aws() {
        return awsClients;
    }

    public java.net.URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public java.net.URI sqsEndpoint() {
        return sqs.endpoint();
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

    LocalAws awsClients() {
        return awsClients;
    }

    /** Replaces the model, scheduler and queue triggers after a template change (see {@link TemplateReload}). */
    void replace(StackModel next, Scheduler nextScheduler) {
        model = next;
        scheduler = nextScheduler;
    }

    /** Parameters for a template, as at start. */
    Map<String, String> parametersFor(Template template, Options options) {
        return parameters(template, options);
    }

    /** Stops triggers first, then functions, then services. Safe to call twice. */
    @Override
    public synchronized void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                console.warning("while stopping: " + e.getMessage());
            }
        }
    }
}
