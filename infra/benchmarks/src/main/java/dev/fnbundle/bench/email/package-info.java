/** Email poller benchmark: batched IMAP fetch + parse + extract against the seed's imaplib loop. */
package dev.fnbundle.bench.email;
