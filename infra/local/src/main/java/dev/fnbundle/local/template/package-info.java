/** What of a template the local runtime runs, leaves to AWS, or cannot run, said once at start. */
package dev.fnbundle.local.template;
