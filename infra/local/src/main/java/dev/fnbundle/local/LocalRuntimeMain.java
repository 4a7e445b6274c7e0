package dev.fnbundle.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.console.Console;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.observe.Trigger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry of the local runtime: {@code start} runs the whole template until Ctrl-C; {@code invoke}
 * runs one function once with an event file and prints its response, like {@code sam local invoke}.
 */
public final class LocalRuntimeMain {
    private LocalRuntimeMain() {
    }

    public static void main(String[] args) {
        Console console = Console.system(false);
        try {
            Path root = Path.of(System.getProperty("fnbundle.root", ".")).toAbsolutePath().normalize();
            if (args.length == 1 && args[0].equals(RuntimeAotCache.TRAINING_COMMAND)) {
                System.exit(RuntimeAotCache.exerciseStart(root, console));
            }
            Options options = Options.parse(List.of(args), root);
            console = Console.system(options.innerLoop().logs());
            switch (options.command()) {
                case "invoke" -> System.exit(invoke(options, console));
                case "help" -> console.info(Options.USAGE);
                default -> start(options, console, root);
            }
        } catch (UserFacingException e) {
            console.problem(e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        } catch (IOException | RuntimeException e) {
            // Not the user's doing: say what failed, with its causes, and do not leave a half-started stack running.
            var message = new StringBuilder("the local runtime failed: ").append(e);
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                message.append("\n  caused by: ").append(cause);
            }
            console.problem(message.toString());
            System.exit(1);
        }
    }

    private static void start(Options options, Console console, Path root) throws InterruptedException {
        long started = System.nanoTime();
        console.info("fnbundle local runtime: starting " + options.template().getFileName() + " ...");
        BundleRuntime stack = BundleRuntime.start(options, console);
        var aotCache = stack.track(new RuntimeAotCache(options.workDirectory()));
        Thread.ofVirtual().name("launch-file").start(() -> {
            LaunchFile.writeIfStartedByMaven(options.workDirectory());
            if (RuntimeAotCache.servesThisJvm() && options.innerLoop().aotCache()) {
                try {
                    stack.awaitBackgroundWork();
                    aotCache.trainIfStale(console);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.info("stopping ...");
            stack.close();
            stopped.countDown();
        }, "local-runtime-stop"));
        // Started by Maven, the runtime must not outlive it: when Maven is killed, the shutdown hook stops the
        // stack (the function JVMs end by themselves once their Runtime API is gone).
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        printSummary(stack, options, console, started);
        stopped.await();
    }

    private static int invoke(Options options, Console console) throws InterruptedException {
        byte[] event;
        try {
            event = Files.readAllBytes(options.event());
        } catch (IOException e) {
            throw new UserFacingException("cannot read event file " + options.event());
        }
        try (BundleRuntime stack = BundleRuntime.forInvoke(options, console)) {
            InvocationResult result = stack.pools().get(options.function())
                    .invoke(event, Trigger.invoke("RequestResponse"));
            console.info(pretty(result.payloadText()));
            return result.succeeded() ? 0 : 1;
        }
    }

    /** What runs where, table by table, then how to reach it: what a developer reads once the runtime listens. */
    private static void printSummary(BundleRuntime stack, Options options, Console console, long started) {
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        printTriggers(stack, console);
        printServices(stack, options, console);
        printAccess(stack, options, console);
        console.info("");
        console.info("console: http://localhost:" + stack.port() + "/_local/console (in a browser on this machine)");
        String cpu = ProcessHandle.current().info().totalCpuDuration()
                .map(used -> ", cpu " + used.toMillis() + " ms").orElse("");
        console.info("ready in " + readyMillis + " ms (" + sinceJvmStart + " ms since JVM start" + cpu
                + "); functions start"
                + " in the background, a request waits for its function (GET /_local/health says which are warm);"
                + " Ctrl-C to stop");
    }

    /** The routes, queue triggers and schedules, one table each. */
    private static void printTriggers(BundleRuntime stack, Console console) {
        console.heading("Routes  http://localhost:" + stack.port());
        var routes = new ArrayList<List<String>>();
        for (FunctionSpec function : stack.model().functions().values()) {
            for (var route : function.events(EventSpec.HttpApiRoute.class)) {
                routes.add(List.of(route.routeKey(), function.logicalId(),
                        "NONE".equals(route.authorizer()) ? "open" : "jwt"));
            }
        }
        console.table(routes);
        console.heading("Queues");
        var queues = new ArrayList<List<String>>();
        stack.sources().forEach(source -> queues.add(List.of(source.queue().name(),
                source.queue().hasDeadLetterQueue() ? "dlq after " + source.queue().maxReceiveCount() + " receives"
                        : "no dlq")));
        console.table(queues);
        console.heading("Schedules  (fire one now: curl -X POST localhost:" + stack.port()
                + "/_local/schedules/RULE/fire)");
        var schedules = new ArrayList<List<String>>();
        stack.scheduler().rules().values().forEach(rule -> schedules.add(List.of(rule.name(),
                rule.pool().spec().logicalId(), rule.expressionText(), rule.enabled() ? "enabled" : "disabled")));
        console.table(schedules);
    }

    private static void printServices(BundleRuntime stack, Options options, Console console) {
        console.heading("Services");
        var services = new ArrayList<List<String>>();
        services.add(List.of("DynamoDB Local", stack.dynamoEndpoint().toString(),
                options.persist() == null ? "in memory" : "data in " + options.persist()));
        services.add(List.of("ElasticMQ (SQS)", stack.sqsEndpoint().toString(), ""));
        if (stack.mail() != null) {
            var ports = stack.mail().ports();
            services.add(List.of("GreenMail", "smtp " + ports.smtp() + ", imap " + ports.imap() + ", imaps "
                    + ports.imaps(), "demo@localhost / demo"));
        }
        console.table(services);
    }

    /** The dev token for the JWT routes and the debugger ports, when there are any. */
    private static void printAccess(BundleRuntime stack, Options options, Console console) {
        if (stack.devToken() != null) {
            console.heading("Dev token  (also in " + options.workDirectory().resolve("dev-token") + ")");
            console.info(stack.devToken());
        }
        if (!options.innerLoop().debug().isEmpty()) {
            console.heading("Debuggers  (attach to localhost:PORT; see README, Inner loop)");
            var debugged = new ArrayList<List<String>>();
            options.innerLoop().debug().forEach((function, port) -> debugged.add(List.of(function,
                    "port " + port, options.innerLoop().debugSuspend() ? "waits for the debugger before init"
                            : "Timeout not enforced")));
            console.table(debugged);
        }
    }

    private static String pretty(String json) {
        try {
            var mapper = new ObjectMapper();
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }
}
