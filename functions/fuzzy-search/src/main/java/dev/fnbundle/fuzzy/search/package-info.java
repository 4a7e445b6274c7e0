/**
 * Catalog search: the seed tutorial's ranker reproduced exactly, a token-aware default ranker, and an immutable
 * catalog index whose results equal a full scan while scoring few items.
 */
package dev.fnbundle.fuzzy.search;
