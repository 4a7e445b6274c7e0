/** The local runtime: runs the whole template on this machine without Docker, from the command line (start, invoke). */
package dev.fnbundle.local;
