/** Stored audits, approved baselines with optimistic locking, drift history and scheduled re-audits. */
package dev.fnbundle.configaudit.service;
