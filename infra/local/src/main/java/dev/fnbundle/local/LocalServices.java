package dev.fnbundle.local;

import dev.fnbundle.embedded.EmbeddedDynamo;
import dev.fnbundle.embedded.EmbeddedSqs;
import dev.fnbundle.embedded.PortInUseException;
import dev.fnbundle.local.mail.LocalMailServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * The embedded services the template's functions talk to: DynamoDB Local, ElasticMQ and (unless {@code --no-mail})
 * GreenMail, started side by side.
 *
 * @param mail null when the mail server is off
 */
record LocalServices(EmbeddedDynamo dynamo, EmbeddedSqs sqs, LocalMailServer mail) {

    /**
     * Starts the three services at once: each spends most of its start loading its own classes, so side by side
     * they start in about the time of the slowest. Every service that started is handed to {@code track} (to be
     * closed with the runtime), even when another failed.
     *
     * @throws UserFacingException when a port is taken (or another start failed the user can fix)
     */
    static LocalServices start(Options options, Options.Ports ports, UnaryOperator<AutoCloseable> track)
            throws InterruptedException {
        try (var threads = Executors.newFixedThreadPool(3)) {
            Future<EmbeddedDynamo> dynamoStart = threads.submit(() -> EmbeddedDynamo.start(ports.dynamodb(),
                    options.persist()));
            Future<EmbeddedSqs> sqsStart = threads.submit(() -> EmbeddedSqs.start(ports.sqs()));
            Future<LocalMailServer> mailStart = options.mail()
                    ? threads.submit(() -> LocalMailServer.start(new LocalMailServer.Ports(ports.smtp(),
                            ports.imap(), ports.imaps()), options.workDirectory().resolve("tls")))
                    : CompletableFuture.completedFuture(null);
            var failures = new ArrayList<RuntimeException>();
            var services = new LocalServices(started(dynamoStart, failures, track),
                    started(sqsStart, failures, track), started(mailStart, failures, track));
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
            return services;
        }
    }

    /** A started service, tracked; null when its start failed (the failure is added). */
    private static <T extends AutoCloseable> T started(Future<T> start, List<RuntimeException> failures,
                                                       UnaryOperator<AutoCloseable> track)
            throws InterruptedException {
        try {
            T service = start.get();
            if (service != null) {
                track.apply(service);
            }
            return service;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failures.add(cause instanceof PortInUseException || cause instanceof UserFacingException
                    ? new UserFacingException(cause.getMessage())
                    : cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause));
            return null;
        }
    }
}
