/**
 * Phonetic codes (soundex, metaphone, nysiis, match rating approach) with the behaviour of jellyfish's pure-Python
 * reference implementation, which textdistance's documentation points to for phonetics.
 */
package dev.fnbundle.fuzzy.phonetic;
