/** DynamoDB and SQS adapters: the feeds table (subscriptions, host slots), the entries table, the fetch queue. */
package dev.fnbundle.rss.aws;
