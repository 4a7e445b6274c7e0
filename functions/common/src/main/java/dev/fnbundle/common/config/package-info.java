/** Function configuration from environment variables. */
package dev.fnbundle.common.config;
