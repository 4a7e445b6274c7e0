/** The HTTP side of the auditor: request readers, response views within Lambda's payload limit, negotiation. */
package dev.fnbundle.configaudit.api;
