/** In-memory adapters of the poll ports for tests: the poll protocol runs against them without DynamoDB or SQS. */
package dev.fnbundle.email.memory;
