/**
 * The fuzzy-search HTTP API's request readers and response views, and the import queue's message format: JSON in,
 * validated core values out, and the answers' JSON shapes.
 */
package dev.fnbundle.fuzzy.api;
