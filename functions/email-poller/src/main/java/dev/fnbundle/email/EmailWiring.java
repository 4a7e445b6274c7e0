package dev.fnbundle.email;

import dev.fnbundle.common.aws.AwsClients;
import dev.fnbundle.common.config.Env;
import dev.fnbundle.common.page.PageTokens;
import dev.fnbundle.email.aws.DynamoInvoiceListing;
import dev.fnbundle.email.aws.DynamoMailboxRepository;
import dev.fnbundle.email.aws.SqsPollTaskQueue;
import dev.fnbundle.email.listing.CsvDownload;
import dev.fnbundle.email.listing.InvoiceListing;
import dev.fnbundle.email.registry.MailboxService;
import dev.fnbundle.email.registry.RegistrationPolicy;
import java.time.Clock;
import java.util.UUID;

/**
 * What the API and the schedule use, built once per execution environment: the DynamoDB and SQS clients, the
 * mailbox registry and the invoice listing.
 */
public record EmailWiring(EmailConfig config, MailboxService mailboxes, InvoiceListing invoices, CsvDownload csv) {

    /** The production wiring from the function's environment. */
    public static EmailWiring fromEnv() {
        return from(Env.system());
    }

    public static EmailWiring from(Env env) {
        var config = EmailConfig.from(env);
        var dynamo = AwsClients.dynamoDb(env);
        var queue = new SqsPollTaskQueue(AwsClients.sqs(env), config.pollTaskQueueUrl());
        // One signer for both lists: the key ring lives in the table and is read once per instance.
        var tokens = PageTokens.inTable(dynamo, config.table(), Clock.systemUTC());
        var mailboxes = new MailboxService(new DynamoMailboxRepository(dynamo, config.table(), tokens), queue,
                new RegistrationPolicy(config.localMode(), config.secretPrefix()), () -> "mb-" + UUID.randomUUID(),
                Clock.systemUTC());
        var listing = new DynamoInvoiceListing(dynamo, config.table(), tokens);
        return new EmailWiring(config, mailboxes, listing, new CsvDownload(listing, CsvDownload.MAX_ROWS,
                CsvDownload.MAX_BYTES));
    }
}
