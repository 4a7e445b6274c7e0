/** Secure streaming parsing of RSS and Atom documents into the normalized model, one entry at a time. */
package dev.fnbundle.rss.parse;
