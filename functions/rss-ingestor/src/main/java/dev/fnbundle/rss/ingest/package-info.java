/** Scheduled ingestion: the hourly fan-out, per-host politeness, fetching with retry and backoff, storing once. */
package dev.fnbundle.rss.ingest;
