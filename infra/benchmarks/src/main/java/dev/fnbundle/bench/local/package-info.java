/** The local runtime's own cost per request, measured from outside as a client sees it. */
package dev.fnbundle.bench.local;
