/** The config auditor's Lambda handlers, their wiring from the environment and their problem+json mapping. */
package dev.fnbundle.configaudit;
