/**
 * Function execution environments: one JVM per instance started like Lambda's Java runtime, pooled, fed through the
 * Runtime API server, with logs and memory measured.
 */
package dev.fnbundle.local.function;
