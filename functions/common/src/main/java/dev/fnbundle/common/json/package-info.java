/** The shared, bounded JSON mapper. */
package dev.fnbundle.common.json;
