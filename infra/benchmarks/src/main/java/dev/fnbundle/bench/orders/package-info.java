/** The order-resolver benchmark: a random million-node DAG resolved by our core and by python3's graphlib. */
package dev.fnbundle.bench.orders;
