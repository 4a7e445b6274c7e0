/** The fuzzy-search benchmark: warm latency of both rankers (JMH), equality with a full scan and Python, cold start. */
package dev.fnbundle.bench.fuzzy;
