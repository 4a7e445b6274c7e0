/**
 * The HTTP side of the local runtime: API Gateway's HTTP API (routes, JWT authorizers, CORS, payload 2.0 events) and
 * Lambda's Invoke API, guarded against web pages.
 */
package dev.fnbundle.local.api;
