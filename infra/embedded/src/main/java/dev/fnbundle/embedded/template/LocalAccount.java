package dev.fnbundle.embedded.template;

import java.net.URI;

/**
 * The local stand-in for an AWS account and stack: its region, account id and stack name make up physical names
 * and ARNs, and the SQS endpoint makes up queue URLs, exactly as ElasticMQ reports them.
 */
public record LocalAccount(String region, String accountId, String stackName, URI sqsEndpoint) {
    /** The account the local runtime and the tests use. */
    public static LocalAccount local(String stackName, URI sqsEndpoint) {
        return new LocalAccount("us-east-1", "000000000000", stackName, sqsEndpoint);
    }

    public String stackId() {
        return "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local";
    }

    public String queueArn(String queueName) {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + queueName;
    }

    public String queueUrl(String queueName) {
        return sqsEndpoint.toString().replaceAll("/$", "") + "/" + accountId + "/" + queueName;
    }

    public String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }

    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }
}
