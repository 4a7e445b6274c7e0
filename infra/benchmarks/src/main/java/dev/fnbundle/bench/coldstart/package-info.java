/**
 * Cold starts of each function's API handler in the local runtime's function JVMs, next to a trivial handler, with
 * and without SnapStart priming during init.
 */
package dev.fnbundle.bench.coldstart;
