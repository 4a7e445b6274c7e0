/** {@code --watch}: notices saved sources and template changes, rebuilds the affected modules and reloads them. */
package dev.fnbundle.local.watch;
