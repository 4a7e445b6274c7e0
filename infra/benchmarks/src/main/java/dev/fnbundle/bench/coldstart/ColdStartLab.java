package dev.fnbundle.bench.coldstart;

import dev.fnbundle.embedded.EmbeddedDynamo;
import dev.fnbundle.embedded.EmbeddedSqs;
import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.Provisioner;
import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import dev.fnbundle.local.function.AotCaches;
import dev.fnbundle.local.function.DebugSettings;
import dev.fnbundle.local.function.EnvironmentOverrides;
import dev.fnbundle.local.function.FunctionLauncher;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import dev.fnbundle.local.function.RuntimeClientChoice;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.observe.Trigger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local runtime's machinery for cold starts, without its gateway: DynamoDB Local and ElasticMQ with the
 * template's tables and queues, and two {@link FunctionLauncher}s with the same runtime client and JVM flags — one
 * plain, one whose functions prime their API path during init ({@code FNBUNDLE_PRIME_ON_INIT=true}).
 */
final class ColdStartLab implements AutoCloseable {
    /** The template's parameters without defaults, as the local runtime sets them. */
    private static final Map<String, String> PARAMETERS = Map.of("JwtIssuer", "https://fnbundle.local/dev",
            "JwtAudience", "fnbundle-local");
    private static final long INIT_LIMIT_MILLIS = 120_000;
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*+:\\s*+(\\d{3})");

    private final EmbeddedDynamo dynamo;
    private final EmbeddedSqs sqs;
    private final StackModel model;
    private final RuntimeClientChoice client;
    private final FunctionLauncher plain;
    private final FunctionLauncher primed;
    private final Recorder recorder = Recorder.withDefaultLimits();

    ColdStartLab(Path root, Path workDirectory) {
        dynamo = EmbeddedDynamo.start(0, null);
        sqs = EmbeddedSqs.start(0);
        model = StackModel.resolve(Template.read(root.resolve("template.yaml")), PARAMETERS,
                LocalAccount.local("coldstart", sqs.endpoint()));
        var aws = new LocalAws(dynamo, sqs, model);
        new Provisioner(aws.dynamoDb(), aws.sqs()).provision(model);
        Path local = root.resolve("infra/local/target");
        client = RuntimeClientChoice.choose("auto", local.resolve("ric"), local.resolve("portable-client"),
                workDirectory);
        var environment = LocalAws.awsEnvironment(dynamo.endpoint(), sqs.endpoint());
        plain = new FunctionLauncher(workDirectory.resolve("plain"), client, environment, "000000000000",
                EnvironmentOverrides.none(), AotCaches.off(workDirectory.resolve("plain")), DebugSettings.NONE);
        var priming = new LinkedHashMap<>(environment);
        priming.put("FNBUNDLE_PRIME_ON_INIT", "true");
        primed = new FunctionLauncher(workDirectory.resolve("primed"), client, priming, "000000000000",
                EnvironmentOverrides.none(), AotCaches.off(workDirectory.resolve("primed")), DebugSettings.NONE);
    }

    FunctionSpec function(String logicalId) {
        return model.functions().get(logicalId);
    }

    String clientName() {
        return client.name();
    }

    /** Starts a fresh JVM for {@code spec}, sends it {@code event} (a cold start) and stops it. */
    ColdStart coldStart(FunctionSpec spec, byte[] event, boolean priming) throws InterruptedException {
        FunctionLauncher launcher = priming ? primed : plain;
        // No AOT cache: a cold start here is a plain JVM start, as in Lambda without SnapStart.
        try (var pool = new FunctionPool(spec, launcher, launcher.prepare(spec), 1, INIT_LIMIT_MILLIS, recorder)) {
            InvocationResult result = pool.invoke(event, Trigger.invoke("coldstart benchmark"));
            if (!result.cold()) {
                throw new IllegalStateException(spec.logicalId() + ": the invocation was not a cold start");
            }
            return new ColdStart(result.initMillis(), result.durationMillis(), status(result));
        }
    }

    /** The HTTP status in an API handler's answer, or the outcome when the invocation failed. */
    private static String status(InvocationResult result) {
        if (!result.succeeded()) {
            return result.status() + " " + result.errorType();
        }
        var matcher = STATUS.matcher(result.payloadText());
        return matcher.find() ? matcher.group(1) : "?";
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
    }

    /** One cold start: init (JVM start to the first {@code /next}), then the first invocation, and its status. */
    record ColdStart(double initMillis, double firstMillis, String status) {
    }
}
