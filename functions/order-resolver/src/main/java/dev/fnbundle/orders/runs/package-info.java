/** Durable runs: graphlib's prepare, get_ready and done as pure state that a store can persist and replay. */
package dev.fnbundle.orders.runs;
