/** The AWS adapters of durable runs: DynamoDB storage with conditional writes and the SQS task queue. */
package dev.fnbundle.orders.aws;
