/** Listing recorded invoices by mailbox and date range, as JSON pages and as a size-capped CSV download. */
package dev.fnbundle.email.listing;
