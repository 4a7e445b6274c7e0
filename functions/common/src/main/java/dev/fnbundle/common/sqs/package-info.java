/** SQS on both sides: batch processing with partial batch failures, and sending messages SQS will accept. */
package dev.fnbundle.common.sqs;
