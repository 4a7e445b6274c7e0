/**
 * The benchmarks' entry point and run-wide settings: each suite measures one function's core against its Python
 * reference and writes its figures into RESULTS.md.
 */
package dev.fnbundle.bench;
