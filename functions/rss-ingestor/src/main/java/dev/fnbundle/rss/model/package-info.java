/** The normalized feed model every feed format (RSS 0.9x/2.0, RSS 1.0, Atom) is read into. */
package dev.fnbundle.rss.model;
