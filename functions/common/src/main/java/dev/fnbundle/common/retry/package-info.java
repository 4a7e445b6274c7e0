/** Retries with exponential backoff and full jitter, on named transient exceptions only. */
package dev.fnbundle.common.retry;
