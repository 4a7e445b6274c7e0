/** What kind of network an IP address belongs to, for the SSRF guards of the fetcher and the IMAP connector. */
package dev.fnbundle.common.net;
