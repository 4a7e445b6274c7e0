package dev.fnbundle.common.aws;

import dev.fnbundle.common.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS clients a function uses, once, during init.
 *
 * <p>Everything comes from the environment, so the same code runs in AWS and locally: the region from
 * {@code AWS_REGION}; credentials from the variables Lambda sets (the fastest provider at cold start); and an
 * endpoint override from the SDK's standard {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL}
 * variables, which only the local runtime sets. The small URLConnection HTTP client keeps the zip and the cold
 * start lean.
 */
public final class AwsClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);

    private AwsClients() {
    }

    /** A DynamoDB client for this environment. */
    public static DynamoDbClient dynamoDb(Env env) {
        return configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
    }

    /** An SQS client for this environment. */
    public static SqsClient sqs(Env env) {
        return configure(SqsClient.builder(), env, "SQS").build();
    }

    /** The endpoint this environment overrides for {@code serviceId} (e.g. "DYNAMODB"), if any. */
    public static Optional<URI> endpointOverride(Env env, String serviceId) {
        return env.optional("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT))
                .or(() -> env.optional("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    /**
     * Configures any other SDK client builder the same way (region, credentials, HTTP client, endpoint override),
     * for a function that needs a service this class has no factory for, e.g.
     * {@code configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").build()}.
     *
     * @param serviceId the service's id in {@code AWS_ENDPOINT_URL_<SERVICE>}, e.g. "SECRETS_MANAGER"
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, Env env, String serviceId) {
        builder.region(region(env)).credentialsProvider(credentials(env)).httpClient(httpClient());
        endpointOverride(env, serviceId).ifPresent(builder::endpointOverride);
        return builder;
    }

    private static Region region(Env env) {
        return Region.of(env.optional("AWS_REGION").or(() -> env.optional("AWS_DEFAULT_REGION"))
                .orElseThrow(() -> new IllegalStateException(
                        "environment variable AWS_REGION is not set; Lambda and the local runtime both set it")));
    }

    /**
     * SnapStart functions get credentials from the container endpoint (keys baked into a snapshot would go
     * stale), others from the key variables Lambda sets; the default chain covers anything else.
     */
    static AwsCredentialsProvider credentials(Env env) {
        if (env.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        var accessKey = env.optional("AWS_ACCESS_KEY_ID");
        var secretKey = env.optional("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isPresent() && secretKey.isPresent()) {
            var sessionToken = env.optional("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(sessionToken.isPresent()
                    ? AwsSessionCredentials.create(accessKey.get(), secretKey.get(), sessionToken.get())
                    : AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }
}
