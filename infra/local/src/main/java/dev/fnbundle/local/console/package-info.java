/** What the local runtime prints on its terminal: the start-up table, instance start-ups and invocation lines. */
package dev.fnbundle.local.console;
