/**
 * Stored catalogs: their items and settings behind a repository, a version that every item write bumps, and the
 * per-container cache of search indexes keyed by catalog version. Plain Java; the AWS adapter lives in
 * {@code dev.fnbundle.fuzzy.aws}.
 */
package dev.fnbundle.fuzzy.catalog;
