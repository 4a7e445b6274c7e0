/** A port of Python 3.11's {@code difflib} SequenceMatcher and unified_diff whose results equal CPython's. */
package dev.fnbundle.configaudit.difflib;
