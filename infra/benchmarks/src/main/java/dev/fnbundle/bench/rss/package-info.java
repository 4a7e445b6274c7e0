/** Streaming feed parsing against the seed tutorial's xmltodict parser on a generated 100 MB RSS file. */
package dev.fnbundle.bench.rss;
