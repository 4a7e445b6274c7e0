/**
 * The AWS adapters of stored catalogs: the DynamoDB catalog table (transactional version bumps) and the SQS import
 * queue.
 */
package dev.fnbundle.fuzzy.aws;
