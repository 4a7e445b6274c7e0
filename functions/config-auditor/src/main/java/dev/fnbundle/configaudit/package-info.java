/** The config-drift audit service: validates a request, runs line and key-level drift, masks secrets. */
package dev.fnbundle.configaudit;
