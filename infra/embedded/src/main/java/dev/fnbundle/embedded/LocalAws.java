package dev.fnbundle.embedded;

import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The bundle's template deployed onto embedded DynamoDB Local and ElasticMQ: what handler and adapter tests use
 * to get real tables and queues, named and configured exactly as the template says, and the environment each
 * function would see.
 *
 * <pre>{@code
 * var aws = LocalAws.shared();
 * aws.provisionTable("OrdersTable");
 * var handler = new OrdersApiHandler(OrdersWiring.from(Env.of(aws.functionEnvironment("OrdersApiFunction"))));
 * }</pre>
 */
public final class LocalAws {
    /** The credentials every local client uses; DynamoDB Local and ElasticMQ accept any. */
    public static final String ACCESS_KEY = "local";
    private static LocalAws shared;

    private final EmbeddedDynamo dynamo;
    private final EmbeddedSqs sqs;
    private final StackModel model;
    private final DynamoDbClient dynamoClient;
    private final SqsClient sqsClient;
    private final Provisioner provisioner;

    public LocalAws(EmbeddedDynamo dynamo, EmbeddedSqs sqs, StackModel model) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.model = model;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, ACCESS_KEY));
        this.dynamoClient = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.sqsClient = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.provisioner = new Provisioner(dynamoClient, sqsClient);
    }

    /**
     * The repository's template.yaml on the JVM's shared embedded services, resolved with its parameter
     * defaults plus test values for the JWT parameters. Nothing is provisioned until asked.
     */
    public static synchronized LocalAws shared() {
        if (shared == null) {
            var sqs = EmbeddedSqs.shared();
            var template = Template.read(repositoryRoot().resolve("template.yaml"));
            var model = StackModel.resolve(template, Map.of("JwtIssuer", "https://issuer.test",
                    "JwtAudience", "fnbundle"), LocalAccount.local("test", sqs.endpoint()));
            shared = new LocalAws(EmbeddedDynamo.shared(), sqs, model);
        }
        return shared;
    }

    /** The checkout's root: the {@code fnbundle.root} system property the build sets, else the working dir. */
    public static Path repositoryRoot() {
        String root = System.getProperty("fnbundle.root");
        return Path.of(root == null ? "." : root).toAbsolutePath().normalize();
    }

    public StackModel model() {
        return model;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoClient;
    }

    public SqsClient sqs() {
        return sqsClient;
    }

    /** Creates one table of the template (no-op when it exists) and returns its physical name. */
    public String provisionTable(String logicalId) {
        var table = model.table(logicalId);
        provisioner.createTable(table);
        return table.name();
    }

    /** Creates one queue of the template, and its dead-letter queue first; returns the queue's URL. */
    public String provisionQueue(String logicalId) {
        var queue = model.queue(logicalId);
        if (queue.hasDeadLetterQueue()) {
            model.queueByArn(queue.deadLetterArn()).ifPresent(provisioner::createQueue);
        }
        provisioner.createQueue(queue);
        return queue.url();
    }

    /** The endpoints and credentials the local runtime gives every function. */
    public Map<String, String> awsEnvironment() {
        return awsEnvironment(dynamo.endpoint(), sqs.endpoint());
    }

    /** The AWS variables of a function running against these endpoints. */
    public static Map<String, String> awsEnvironment(URI dynamoEndpoint, URI sqsEndpoint) {
        var env = new LinkedHashMap<String, String>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        return env;
    }

    /** What a function of the template sees in its environment when run locally: template variables + AWS. */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        FunctionSpec function = model.functions().get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("the template has no function " + functionLogicalId);
        }
        var env = new LinkedHashMap<>(function.environment());
        env.putAll(awsEnvironment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        return env;
    }
}
