/**
 * SnapStart runtime hooks: priming a function's HTTP API path before Lambda snapshots it, and giving back after the
 * restore what must differ between execution environments.
 */
package dev.fnbundle.common.snapstart;
