package dev.fnbundle.orders;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.idempotency.IdempotencyStore;
import dev.fnbundle.orders.aws.DynamoRunStore;
import dev.fnbundle.orders.aws.SqsTaskDispatcher;
import dev.fnbundle.orders.graph.GraphJsonReader;
import dev.fnbundle.orders.graph.OrderResolver;
import dev.fnbundle.orders.packages.PackageResolver;
import dev.fnbundle.orders.runs.RunService;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Everything the order-resolver's handlers use, built once per execution environment (before a SnapStart
 * snapshot): clients, stores and the plain-Java services.
 */
public record OrdersWiring(GraphJsonReader graphs, OrderResolver resolver, PackageResolver packages,
                           RunService runs, IdempotencyStore idempotency) {

    /** The production wiring from the function's environment. */
    public static OrdersWiring fromEnv() {
        return from(Env.system());
    }

    public static OrdersWiring from(Env env) {
        var config = OrdersConfig.from(env);
        var dynamo = AwsClients.dynamoDb(env);
        var store = new DynamoRunStore(dynamo, config.table(), Duration.ofDays(30), Duration.ofSeconds(60));
        var runs = new RunService(store, new SqsTaskDispatcher(AwsClients.sqs(env), config.taskQueueUrl()),
                () -> UUID.randomUUID().toString(), Clock.systemUTC(), config.maxRunNodes());
        var idempotency = new IdempotencyStore(dynamo, config.table(), "pk", "sk", Duration.ofMinutes(2),
                Duration.ofDays(1), Clock.systemUTC());
        return new OrdersWiring(new GraphJsonReader(), new OrderResolver(), new PackageResolver(), runs,
                idempotency);
    }
}
