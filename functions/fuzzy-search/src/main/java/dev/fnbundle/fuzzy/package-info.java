/**
 * The fuzzy-search function's Lambda handlers (HTTP API and import queue), their wiring and their problem mapping;
 * everything else lives in the subpackages.
 */
package dev.fnbundle.fuzzy;
