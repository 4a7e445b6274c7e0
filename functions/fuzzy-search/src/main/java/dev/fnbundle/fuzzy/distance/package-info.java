/**
 * The textdistance algorithms (hamming, levenshtein, damerau_levenshtein, jaro, jaro_winkler, jaccard, sorensen_dice,
 * tversky, overlap, cosine, lcsseq, lcsstr, ratcliff_obershelp) with textdistance 4.6's pure-Python numbers, on Unicode
 * code points.
 */
package dev.fnbundle.fuzzy.distance;
