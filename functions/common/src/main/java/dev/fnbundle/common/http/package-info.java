/** HTTP API (payload format 2.0) requests, responses and routing for thin handlers. */
package dev.fnbundle.common.http;
