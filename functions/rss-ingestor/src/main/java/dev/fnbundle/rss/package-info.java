/** The RSS ingestor's Lambda handlers: the HTTP API, the hourly fan-out and the fetch queue consumer. */
package dev.fnbundle.rss;
