package dev.fnbundle.email;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.email.aws.DynamoCheckpointStore;
import dev.fnbundle.email.aws.DynamoInvoiceStore;
import dev.fnbundle.email.aws.DynamoMailboxLease;
import dev.fnbundle.email.aws.DynamoMailboxRepository;
import dev.fnbundle.email.aws.SecretsManagerPasswordResolver;
import dev.fnbundle.email.aws.SecretsManagerString;
import dev.fnbundle.email.aws.SqsInvoicePublisher;
import dev.fnbundle.email.aws.SqsPollTaskQueue;
import dev.fnbundle.email.aws.SqsRetryBackoff;
import dev.fnbundle.email.imap.ImapMailboxClient;
import dev.fnbundle.email.imap.ImapSettings;
import dev.fnbundle.email.imap.PublicHostConnector;
import dev.fnbundle.email.mailbox.RoutingPasswordResolver;
import dev.fnbundle.email.poll.MailboxConnector;
import dev.fnbundle.email.poll.PollPorts;
import dev.fnbundle.email.poll.PollService;
import dev.fnbundle.email.poll.RetryBackoff;
import dev.fnbundle.email.registry.MailboxService;
import dev.fnbundle.email.registry.RegistrationPolicy;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What the poller uses, built once per execution environment: the IMAP client (IMAPS, certificate and host-name
 * checks, timeouts from {@code IMAP_*}), Secrets Manager for passwords, the DynamoDB stores, the invoice events
 * queue ({@code INVOICE_EVENTS_QUEUE_URL}) and the poll task queue for backoff and follow-up polls.
 *
 * <p>No password sits in the environment in AWS: a trust store's password comes from the secret
 * {@code IMAP_TRUSTSTORE_PASSWORD_SECRET} names (read when the first poll needs it), and a cold start outside
 * local mode with a plaintext {@code IMAP_TRUSTSTORE_PASSWORD} or {@code LOCAL_MAILBOX_PASSWORD} fails, saying
 * which variable to remove; the local runtime alone sets those.
 */
public record PollerWiring(MailboxService mailboxes, PollService polls, RetryBackoff backoff) {
    /** Variables that may hold a password in plain text only in local mode, and what to use in AWS instead. */
    private static final Map<String, String> LOCAL_ONLY = Map.of(
            "IMAP_TRUSTSTORE_PASSWORD", "name a Secrets Manager secret in IMAP_TRUSTSTORE_PASSWORD_SECRET",
            "LOCAL_MAILBOX_PASSWORD", "mailbox passwords are Secrets Manager secrets named by passwordSecret");

    /** The production wiring from the function's environment. */
    public static PollerWiring fromEnv() {
        return from(System.getenv());
    }

    /**
     * @param variables the function's environment: its configuration, the {@code IMAP_*} settings and, in local
     *                  mode, the variables {@code env:NAME} passwords name
     */
    public static PollerWiring from(Map<String, String> variables) {
        var env = Env.of(variables);
        var config = EmailConfig.from(env);
        var dynamo = AwsClients.dynamoDb(env);
        var sqs = AwsClients.sqs(env);
        var secrets = AwsClients.configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").build();
        var passwords = new RoutingPasswordResolver(config.localMode(), variables,
                new SecretsManagerPasswordResolver(secrets));
        MailboxConnector connector = new ImapMailboxClient(imapSettings(variables, config.localMode(), secrets),
                passwords);
        if (!config.localMode()) {
            connector = new PublicHostConnector(connector, InetAddress::getAllByName);
        }
        var ports = new PollPorts(connector, new DynamoInvoiceStore(dynamo, config.table()),
                new SqsInvoicePublisher(sqs, env.required("INVOICE_EVENTS_QUEUE_URL")),
                new DynamoCheckpointStore(dynamo, config.table()), new DynamoMailboxLease(dynamo, config.table()));
        var queue = new SqsPollTaskQueue(sqs, config.pollTaskQueueUrl());
        var tokens = PageTokens.inTable(dynamo, config.table(), Clock.systemUTC());
        var mailboxes = new MailboxService(new DynamoMailboxRepository(dynamo, config.table(), tokens), queue,
                new RegistrationPolicy(config.localMode(), config.secretPrefix()), () -> "mb-" + UUID.randomUUID(),
                Clock.systemUTC());
        return new PollerWiring(mailboxes, new PollService(ports, config.pollSettings(), Clock.systemUTC()),
                new SqsRetryBackoff(sqs, config.pollTaskQueueUrl(), config.retryBaseSeconds()));
    }

    private static ImapSettings imapSettings(Map<String, String> variables, boolean localMode,
                                             SecretsManagerClient secrets) {
        if (!localMode) {
            LOCAL_ONLY.forEach((name, instead) -> {
                if (!variables.getOrDefault(name, "").isEmpty()) {
                    throw new IllegalStateException(name + " holds a password in plain text, which only the local"
                            + " runtime may set (ALLOW_INLINE_MAILBOX_PASSWORDS=true); remove it: " + instead);
                }
            });
        }
        var settings = ImapSettings.fromEnvironment(variables);
        String secretId = variables.getOrDefault("IMAP_TRUSTSTORE_PASSWORD_SECRET", "").strip();
        if (secretId.isEmpty()) {
            return settings;
        }
        if (!variables.getOrDefault("IMAP_TRUSTSTORE_PASSWORD", "").isEmpty()) {
            throw new IllegalStateException("set IMAP_TRUSTSTORE_PASSWORD or IMAP_TRUSTSTORE_PASSWORD_SECRET,"
                    + " not both");
        }
        return settings.withTrustStorePassword(new SecretsManagerString(secrets, secretId));
    }
}
