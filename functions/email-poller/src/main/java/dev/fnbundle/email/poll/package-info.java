/** The exactly-once poll protocol over ports: mailbox, invoice store, publisher, checkpoints and leases. */
package dev.fnbundle.email.poll;
