/** Stored feed entries: the storable form of a parsed entry, its ordering time, and the exactly-once store. */
package dev.fnbundle.rss.entries;
