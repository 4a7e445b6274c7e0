/** Structured JSON logging through SLF4J, with the request id on every line. */
package dev.fnbundle.common.logging;
