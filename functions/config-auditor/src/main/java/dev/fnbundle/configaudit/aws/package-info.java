/** The AWS adapters: DynamoDB storage (conditional writes, gzip and chunking for large items) and the SQS queue. */
package dev.fnbundle.configaudit.aws;
