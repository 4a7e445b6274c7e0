/** The config auditor's end-to-end benchmark: POST /audits on two 20 000-line INI configs against the seed. */
package dev.fnbundle.bench.audit;
