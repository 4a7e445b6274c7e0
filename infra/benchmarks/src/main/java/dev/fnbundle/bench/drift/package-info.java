/** The config-auditor benchmark: our difflib port against python3's difflib on generated configs. */
package dev.fnbundle.bench.drift;
