package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * A trigger of a function: an HTTP API route, an SQS event source mapping, a schedule, or an event of a type the
 * local runtime cannot trigger (kept, not dropped, so that it can be named).
 */
public sealed interface EventSpec {
    /** The event's name in the template. */
    String name();

    /**
     * A route of an HTTP API.
     *
     * @param authorizer          the authorizer named on the route, "NONE" to opt out, or null for the API's default
     * @param authorizationScopes the route's AuthorizationScopes (empty: the authorizer's, if it has any)
     */
    record HttpApiRoute(String name, String apiId, String method, String path, String authorizer,
                        List<String> authorizationScopes) implements EventSpec {
        public HttpApiRoute {
            authorizationScopes = List.copyOf(authorizationScopes);
        }

        /** The API Gateway route key, e.g. {@code POST /runs/{id}/done}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** An SQS event source mapping. */
    record SqsSource(String name, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
                     boolean reportBatchItemFailures, int maximumConcurrency, boolean enabled)
            implements EventSpec {
    }

    /** An EventBridge schedule: {@code rate(...)} or {@code cron(...)}, with an optional constant input. */
    record Schedule(String name, String expression, String input, boolean enabled) implements EventSpec {
    }

    /** An event of a type the local runtime does not trigger (S3, SNS, a REST Api, a stream...). */
    record Unsupported(String name, String type, String where) implements EventSpec {
    }

    /** The event types {@link #of} turns into triggers. */
    List<String> SUPPORTED_TYPES = List.of("HttpApi", "SQS", "Schedule", "ScheduleV2");

    static EventSpec of(String name, JsonNode event, String where) {
        String type = event.path("Type").asText();
        JsonNode p = event.path("Properties");
        return switch (type) {
            case "HttpApi" -> new HttpApiRoute(name, p.path("ApiId").asText(null),
                    p.path("Method").asText("ANY").toUpperCase(Locale.ROOT), p.path("Path").asText("/"),
                    p.path("Auth").path("Authorizer").asText(null),
                    StackModel.texts(p.path("Auth").path("AuthorizationScopes")));
            case "SQS" -> new SqsSource(name, p.path("Queue").asText(), StackModel.integer(p, "BatchSize", 10),
                    StackModel.integer(p, "MaximumBatchingWindowInSeconds", 0),
                    StackModel.texts(p.path("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                    StackModel.integer(p.path("ScalingConfig"), "MaximumConcurrency", 1000),
                    p.path("Enabled").asBoolean(true));
            case "Schedule", "ScheduleV2" -> new Schedule(name, p.path(type.equals("Schedule") ? "Schedule"
                    : "ScheduleExpression").asText(), p.has("Input") ? p.get("Input").asText() : null,
                    p.path("Enabled").asBoolean(true) && !"DISABLED".equals(p.path("State").asText()));
            default -> new Unsupported(name, type, where);
        };
    }
}
