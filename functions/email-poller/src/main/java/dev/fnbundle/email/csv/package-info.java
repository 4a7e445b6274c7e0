/** CSV export of invoice records: RFC 4180, safe to open in a spreadsheet. */
package dev.fnbundle.email.csv;
