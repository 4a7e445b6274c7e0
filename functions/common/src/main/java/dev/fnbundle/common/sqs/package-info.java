/** SQS batch processing with partial batch failures. */
package dev.fnbundle.common.sqs;
