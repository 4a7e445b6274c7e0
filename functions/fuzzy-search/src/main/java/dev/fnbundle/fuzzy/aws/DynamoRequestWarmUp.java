package dev.fnbundle.fuzzy.aws;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Runs the SDK's request path of a cold search (a consistent {@code GetItem}, then a {@code BatchGetItem} with a
 * binary attribute) once through a throwaway client whose HTTP client answers canned responses in memory, so that
 * the classes, lambdas, endpoint rules, signer and JSON (un)marshallers of that path are loaded and initialised on
 * the second core while init builds the real client on the first. Without it the catalog header's read, the first
 * request, spends about 0.4 s of CPU loading them on the search's own thread.
 *
 * <p>No network (the endpoint is never contacted), no real credentials, nothing kept: the client is closed when the
 * run ends, so no answer can depend on it.
 */
public final class DynamoRequestWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoRequestWarmUp.class);
    static final String TABLE = "warm-up";
    private static final String ITEM = "{\"pk\":{\"S\":\"CATALOG#warm-up\"},\"sk\":{\"S\":\"SNAPSHOT#00000\"},"
            + "\"version\":{\"N\":\"1\"},\"data\":{\"B\":\"Rk5TMg==\"},\"name\":{\"S\":\"warm-up\"}}";

    private DynamoRequestWarmUp() {
    }

    /**
     * The SDK's tables of every service's and region's endpoints (about 400 small generated classes, loaded as one
     * block in the middle of a client's build). Run first on the warm-up thread, it loads them while the client's
     * build is still loading the classes before them, so the two threads load different classes at the same time.
     * Never throws.
     *
     * @return whether the tables were loaded
     */
    public static boolean loadEndpointMetadata() {
        try {
            return ServiceMetadata.of(DynamoDbClient.SERVICE_METADATA_ID) != null
                    && Region.US_EAST_1.metadata() != null;
        } catch (RuntimeException e) {
            LOG.warn("endpoint metadata warm-up failed", e);
            return false;
        }
    }

    /**
     * The request path once; never throws (a failed warm-up costs only speed).
     *
     * @return whether both requests ran through and their answers were read back
     */
    public static boolean run() {
        return run(new CannedHttpClient());
    }

    static boolean run(CannedHttpClient http) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("warm", "up")))
                // Never contacted: the HTTP client below answers every request itself.
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .httpClient(http)
                .build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CATALOG#warm-up"),
                    "sk", AttributeValue.fromS("SNAPSHOT"));
            var item = client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item();
            var batch = client.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                    KeysAndAttributes.builder().keys(List.of(key)).consistentRead(true).build())));
            var chunk = batch.responses().getOrDefault(TABLE, List.of());
            return "1".equals(item.get("version").n()) && chunk.size() == 1
                    && chunk.get(0).get("data").b().asByteArrayUnsafe().length == 4;
        } catch (RuntimeException e) {
            LOG.warn("DynamoDB request warm-up failed", e);
            return false;
        }
    }

    /** Answers {@code GetItem} and {@code BatchGetItem} with one canned item each, from memory. */
    static final class CannedHttpClient implements SdkHttpClient {
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.incrementAndGet();
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            String body = target.endsWith(".BatchGetItem")
                    ? "{\"Responses\":{\"" + TABLE + "\":[" + ITEM + "]},\"UnprocessedKeys\":{}}"
                    : "{\"Item\":" + ITEM + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(bytes.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {
                    // Nothing in flight: the answer is in memory.
                }
            };
        }

        @Override
        public void close() {
            // Holds nothing.
        }

        @Override
        public String clientName() {
            return "WarmUpCanned";
        }
    }
}
