/** Feed subscriptions: URL validation and identity, the subscription record with its fetch state, and its store. */
package dev.fnbundle.rss.feeds;
