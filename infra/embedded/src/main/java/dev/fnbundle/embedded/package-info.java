/**
 * Real AWS stand-ins embedded in one JVM on 127.0.0.1 (DynamoDB Local, ElasticMQ) and the template deployed onto them,
 * for tests and the local runtime.
 */
package dev.fnbundle.embedded;
