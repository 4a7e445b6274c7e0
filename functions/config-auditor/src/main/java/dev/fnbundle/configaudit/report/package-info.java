/** Side-by-side views of a line diff: structured hunks and a self-contained, escaped HTML page. */
package dev.fnbundle.configaudit.report;
