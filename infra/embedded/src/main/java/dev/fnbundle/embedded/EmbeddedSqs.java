package dev.fnbundle.embedded;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * A real SQS-compatible server (ElasticMQ) in this JVM on 127.0.0.1. Queues, visibility timeouts, redrive
 * policies and dead-letter queues behave as in SQS; ARNs use region {@link #REGION} and account {@link #ACCOUNT}.
 * ElasticMQ itself answers any request, web pages' included, so it listens on an internal ephemeral port and
 * clients reach it through a {@link BrowserGuardProxy} on the public one, which refuses a foreign {@code Host}
 * and any {@code Origin}; the queue URLs it gives name the public port.
 */
public final class EmbeddedSqs implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    private static EmbeddedSqs shared;

    private final SQSRestServer server;
    private final BrowserGuardProxy guard;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, BrowserGuardProxy guard, int port) {
        this.server = server;
        this.guard = guard;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param port the port, or 0 for a free one
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedSqs start(int port) {
        // Both ports are bound as 0 and read back, never chosen first and bound later: a port found free a moment
        // ago can be taken meanwhile (the services start side by side, each asking for free ports).
        var guard = BrowserGuardProxy.listen(port, "ElasticMQ (SQS)");
        SQSRestServer server;
        try {
            server = SQSRestServerBuilder
                    .withInterface("127.0.0.1")
                    .withPort(0)
                    .withServerAddress(new org.elasticmq.NodeAddress("http", "127.0.0.1", guard.port(), ""))
                    .withAWSRegion(REGION)
                    .withAWSAccountId(ACCOUNT)
                    .start();
            guard.forwardTo(server.waitUntilStarted().localAddress().getPort());
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
        return new EmbeddedSqs(server, guard, guard.port());
    }

    /** One server for the whole JVM (a test run), started on first use and stopped at exit. */
    public static synchronized EmbeddedSqs shared() {
        if (shared == null) {
            shared = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "elasticmq-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The ARN SQS would give a queue of this name here. */
    public static String queueArn(String queueName) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queueName;
    }

    /** The URL SQS would give a queue of this name here. */
    public String queueUrl(String queueName) {
        return endpoint() + "/" + ACCOUNT + "/" + queueName;
    }

    @Override
    public void close() {
        guard.close();
        server.stopAndWait();
    }
}
