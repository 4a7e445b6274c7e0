/**
 * Secrets in config text: which key names are secret, and masking that finds their values by position, by the
 * shape of a line, and anywhere else they (or their escaped forms) occur.
 */
package dev.fnbundle.configaudit.secrets;
