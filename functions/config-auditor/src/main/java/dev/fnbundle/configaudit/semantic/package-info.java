/** Semantic drift: INI, properties, YAML, JSON and nginx configs parsed into key paths and compared key by key. */
package dev.fnbundle.configaudit.semantic;
