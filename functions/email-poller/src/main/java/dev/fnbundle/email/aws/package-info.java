/**
 * The AWS adapters of the email poller: the one DynamoDB table (mailboxes, records, dedupe claims, checkpoints,
 * leases), the SQS poll task and invoice event queues, and the Secrets Manager password resolver.
 */
package dev.fnbundle.email.aws;
