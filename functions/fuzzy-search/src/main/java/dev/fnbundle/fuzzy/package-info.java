/**
 * Fuzzy string matching for the fuzzy-search function: the Lambda handlers (HTTP API and import queue) with their
 * request readers, response views and problem mapping, and the typed exceptions every part of the core throws.
 */
package dev.fnbundle.fuzzy;
