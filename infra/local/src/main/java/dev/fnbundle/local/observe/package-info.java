/**
 * What the runtime saw, kept in memory for the terminal console and the browser console: a bounded ring of
 * invocation records, per-function log lines with their request ids and levels, and instance state changes, with
 * a subscription API for live views. No dependency on the rest of the runtime.
 */
package dev.fnbundle.local.observe;
