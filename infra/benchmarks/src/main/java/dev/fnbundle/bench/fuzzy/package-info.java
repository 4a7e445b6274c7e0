/** Fuzzy-search benchmark: indexed seed search against a brute-force scan on a generated product catalog. */
package dev.fnbundle.bench.fuzzy;
