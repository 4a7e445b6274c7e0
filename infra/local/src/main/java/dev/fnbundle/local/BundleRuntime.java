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
import dev.fnbundle.local.function.AsyncInvocations;
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
import dev.fnbundle.local.webconsole.WebConsole;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The whole template running on this machine: embedded DynamoDB Local, ElasticMQ and GreenMail with every table
 * and queue the template declares, a pool of JVMs per function, the HTTP API with its JWT authorizer, the SQS
 * event source mappings and the schedules. {@link #close()} stops everything, function JVMs included.
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
    private StackModel model;
    private EmbeddedDynamo dynamo;
    private EmbeddedSqs sqs;
    private LocalAws awsClients;
    private LocalMailServer mail;
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private HttpApiGateway gateway;
    private Scheduler scheduler;
    private final List<SqsEventSource> sources = new ArrayList<>();
    private String devToken;

    private final Recorder recorder = Recorder.withDefaultLimits();
    private final long startedNanos = System.nanoTime();
    private volatile long readyMillis = -1;
    private EnvironmentOverrides overrides = EnvironmentOverrides.none();

    private BundleRuntime(Console console) {
        this.console = console;
        track(console.follow(recorder));
    }

    /** Starts everything and warms one instance of every function. */
    public static BundleRuntime start(Options options, Console console) throws InterruptedException {
        var stack = new BundleRuntime(console);
        try {
            stack.startServices(options, options.ports());
            stack.startFunctions(options, null);
            stack.startTriggers(options);
            stack.readyMillis = (System.nanoTime() - stack.startedNanos) / 1_000_000;
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
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

    private void startServices(Options options, Options.Ports ports) {
        Template template = readTemplate(options.template());
        try {
            dynamo = track(EmbeddedDynamo.start(ports.dynamodb(), options.persist()));
            sqs = track(EmbeddedSqs.start(ports.sqs()));
            if (options.mail()) {
                mail = track(LocalMailServer.start(new LocalMailServer.Ports(ports.smtp(), ports.imap(),
                        ports.imaps()), options.workDirectory().resolve("tls")));
            }
        } catch (PortInUseException e) {
            throw new UserFacingException(e.getMessage());
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
        var client = RuntimeClientChoice.choose(options.runtimeClient(), directory("fnbundle.ric"),
                directory("fnbundle.portable.client"), options.workDirectory());
        var launcher = new FunctionLauncher(options.workDirectory(), client,
                LocalAws.awsEnvironment(dynamo.endpoint(), sqs.endpoint()), "000000000000", overrides);
        for (FunctionSpec function : model.functions().values()) {
            if (only == null || only.equals(function.logicalId())) {
                launcher.prepare(function);
                pools.put(function.logicalId(), track(new FunctionPool(function, launcher, options.maxInstances(),
                        INIT_LIMIT_MILLIS, recorder)));
            }
        }
        if (only == null) {
            warmUp();
        }
    }

    private void warmUp() throws InterruptedException {
        // Starting every JVM at once would only make each start slower on a small machine.
        var slots = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FunctionPool pool : pools.values()) {
                threads.submit(() -> {
                    slots.acquire();
                    try {
                        pool.warmUp();
                    } finally {
                        slots.release();
                    }
                    return null;
                });
            }
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
                    var queue = model.queueByArn(source.queueArn()).orElseThrow(() -> new UserFacingException(
                            function.logicalId() + " listens to " + source.queueArn()
                                    + ", which is not a queue of the template"));
                    sources.add(track(new SqsEventSource(awsClients.sqs(), queue, source,
                            pools.get(function.logicalId()), "us-east-1", console::warning)));
                }
            }
        }
        scheduler = track(new Scheduler(rules(), Clock.systemUTC(), "000000000000", "us-east-1"));
        scheduler.start();
        devToken = mintDevToken(authority, options.workDirectory());
        DemoMailbox.registerIfServed(model, mail, gateway.port(), devToken, console);
        for (String rule : options.fire()) {
            if (!scheduler.fire(rule)) {
                throw new UserFacingException("--fire " + rule + ": no schedule rule of that name; rules: "
                        + String.join(", ", scheduler.rules().keySet()));
            }
        }
        track(WebConsole.install(gateway, this, options.template().toAbsolutePath().getParent()));
    }

    private List<Scheduler.Rule> rules() {
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

    private <T extends AutoCloseable> T track(T resource) {
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

    /** Stops triggers first, then functions, then services. Safe to call twice. */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                console.warning("while stopping: " + e.getMessage());
            }
        }
    }
}
