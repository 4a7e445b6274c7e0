/**
 * AWS SDK clients configured from the environment, identically in AWS and locally, and DynamoDB batch reads and
 * writes that resend what the table leaves unprocessed.
 */
package dev.fnbundle.common.aws;
