/**
 * The order-resolver function: its handlers, their wiring and the API views and readers; the cores live in graph,
 * packages and runs, the DynamoDB and SQS adapters in aws.
 */
package dev.fnbundle.orders;
