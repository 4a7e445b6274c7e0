/**
 * The audit model: requests, limits and validation, the seed tutorial's {@code audit_config} reproduced exactly as
 * Python computes it, and {@link dev.fnbundle.configaudit.audit.DriftAuditor}, which adds key-level drift, masking
 * and the diffs to make one report.
 */
package dev.fnbundle.configaudit.audit;
