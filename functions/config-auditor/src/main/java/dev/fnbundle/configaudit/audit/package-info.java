/** The seed tutorial's {@code audit_config} and its result, reproduced exactly as Python computes them. */
package dev.fnbundle.configaudit.audit;
