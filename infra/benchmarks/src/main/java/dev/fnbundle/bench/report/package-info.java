/**
 * Measuring and reporting for every suite: samples kept as figures, JMH and child-JVM CPU runs, Python reference runs,
 * and the RESULTS.md writer.
 */
package dev.fnbundle.bench.report;
