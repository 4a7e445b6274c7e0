/**
 * The input errors every fuzzy core shares (an unknown algorithm name, a text over its length limit) and their common
 * base {@link dev.fnbundle.fuzzy.input.FuzzyException}; errors of one core live in that core's package.
 */
package dev.fnbundle.fuzzy.input;
