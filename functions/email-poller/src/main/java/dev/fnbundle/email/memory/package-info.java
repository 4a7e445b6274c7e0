/** In-memory adapters of the poll ports, for tests, benchmarks and the local runtime. */
package dev.fnbundle.email.memory;
