/** Signed, scope-bound pagination tokens for DynamoDB-backed lists, and the per-deployment keys that sign them. */
package dev.fnbundle.common.page;
