/**
 * Fuzzy string matching for the fuzzy-search function: the typed exceptions every part of the core throws.
 */
package dev.fnbundle.fuzzy;
