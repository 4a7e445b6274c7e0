/** At-most-once execution per business key, backed by conditional DynamoDB writes. */
package dev.fnbundle.common.idempotency;
