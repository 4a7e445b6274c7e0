/** Opaque pagination tokens for DynamoDB-backed lists. */
package dev.fnbundle.common.page;
