/** Dependency graphs with Python graphlib's semantics: compact model, JSON reader, topological order and cycles. */
package dev.fnbundle.orders.graph;
