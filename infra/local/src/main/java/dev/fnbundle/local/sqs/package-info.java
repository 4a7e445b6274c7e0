/** SQS event source mappings run locally: pollers that long-poll a queue and invoke the function with batches. */
package dev.fnbundle.local.sqs;
