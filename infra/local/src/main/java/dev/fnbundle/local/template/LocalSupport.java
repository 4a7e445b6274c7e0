package dev.fnbundle.local.template;

import java.util.Map;
import java.util.Set;

/**
 * The catalogue behind the {@link TemplateAudit}: per resource and event type, the properties the local runtime
 * runs, the ones that only configure AWS itself (IAM, encryption, tracing, tags: no local behaviour to imitate),
 * and what it says about the ones it cannot run. A property in none of the lists is reported as not run.
 */
final class LocalSupport {
    private LocalSupport() {
    }

    /** What the runtime does with one kind of resource or event. */
    record Kind(Set<String> run, Set<String> awsOnly, Map<String, String> notRun) {
        String why(String property) {
            return notRun.getOrDefault(property, "not run by the local runtime");
        }
    }

    static final Kind FUNCTION = new Kind(
            Set.of("Handler", "Runtime", "CodeUri", "MemorySize", "Timeout", "Environment", "Events",
                    "ReservedConcurrentExecutions", "FunctionName", "PackageType"),
            Set.of("Description", "Tags", "PropagateTags", "Policies", "Role", "PermissionsBoundary", "Tracing",
                    "AutoPublishAlias", "AutoPublishCodeSha256", "AutoPublishAliasAllProperties",
                    "VersionDescription", "SnapStart", "LoggingConfig", "KmsKeyArn", "VpcConfig",
                    "DeploymentPreference", "ProvisionedConcurrencyConfig", "RuntimeManagementConfig",
                    "Architectures", "CodeSigningConfigArn", "RolePath", "AssumeRolePolicyDocument",
                    "RecursiveLoop", "EphemeralStorage"),
            Map.of("Layers", "layers are not loaded locally; the function runs with its zip alone",
                    "EventInvokeConfig", "asynchronous invocations retry as Lambda's defaults say (two retries),"
                            + " with no destinations",
                    "DeadLetterQueue", "failed asynchronous invocations are reported on the console, not sent"
                            + " to a dead-letter queue",
                    "FunctionUrlConfig", "no function URL is served; call it through the HTTP API or the Invoke"
                            + " API",
                    "FileSystemConfigs", "no EFS file system is mounted",
                    "ImageConfig", "container images are not run locally"));

    static final Kind HTTP_API = new Kind(
            Set.of("Auth", "CorsConfiguration", "StageName"),
            Set.of("Description", "Tags", "PropagateTags", "FailOnWarnings", "AccessLogSettings", "Domain",
                    "DisableExecuteApiEndpoint", "Name", "OpenApiVersion"),
            Map.of("DefaultRouteSettings", "throttling and detailed metrics are not applied locally",
                    "RouteSettings", "throttling and detailed metrics are not applied locally",
                    "DefinitionBody", "routes come from the functions' HttpApi events only, not from an"
                            + " OpenAPI definition",
                    "DefinitionUri", "routes come from the functions' HttpApi events only, not from an"
                            + " OpenAPI definition",
                    "StageVariables", "stage variables are not passed to functions"));

    static final Kind TABLE = new Kind(
            Set.of("TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput",
                    "GlobalSecondaryIndexes", "TimeToLiveSpecification"),
            Set.of("PointInTimeRecoverySpecification", "SSESpecification", "Tags", "DeletionProtectionEnabled",
                    "ContributorInsightsSpecification", "TableClass", "ResourcePolicy", "WarmThroughput",
                    "OnDemandThroughput"),
            Map.of("LocalSecondaryIndexes", "the table is created without its local secondary indexes",
                    "StreamSpecification", "no stream is produced, so nothing is triggered by it",
                    "KinesisStreamSpecification", "no Kinesis stream is fed",
                    "ImportSourceSpecification", "the table starts empty: nothing is imported"));

    static final Kind QUEUE = new Kind(
            Set.of("QueueName", "VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                    "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "FifoQueue", "ContentBasedDeduplication",
                    "RedrivePolicy"),
            Set.of("SqsManagedSseEnabled", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "Tags"),
            Map.of("RedriveAllowPolicy", "any queue may use it as a dead-letter queue locally",
                    "DeduplicationScope", "FIFO deduplication is queue-wide locally",
                    "FifoThroughputLimit", "FIFO throughput limits are not applied locally"));

    static final Map<String, Kind> EVENTS = Map.of(
            "HttpApi", new Kind(Set.of("ApiId", "Method", "Path", "Auth", "PayloadFormatVersion"), Set.of(),
                    Map.of("TimeoutInMillis", "the integration timeout is not applied; the function's own"
                                    + " Timeout is",
                            "RouteSettings", "throttling and detailed metrics are not applied locally")),
            "SQS", new Kind(Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds",
                    "FunctionResponseTypes", "ScalingConfig", "Enabled"), Set.of("KmsKeyArn", "MetricsConfig"),
                    Map.of("FilterCriteria", "every message is delivered: filter criteria are not applied")),
            "Schedule", new Kind(Set.of("Schedule", "Input", "Enabled", "Name", "State"), Set.of("Description"),
                    Map.of("RetryPolicy", "a failed scheduled invocation is not retried by the rule",
                            "DeadLetterConfig", "failed deliveries are not sent to a dead-letter queue")),
            "ScheduleV2", new Kind(Set.of("ScheduleExpression", "Input", "State", "Name"),
                    Set.of("Description", "RoleArn", "GroupName", "KmsKeyArn", "PermissionsBoundary"),
                    Map.of("ScheduleExpressionTimezone", "schedules fire in UTC locally",
                            "FlexibleTimeWindow", "schedules fire at their exact time locally",
                            "StartDate", "the schedule fires regardless of its start date",
                            "EndDate", "the schedule fires regardless of its end date",
                            "RetryPolicy", "a failed scheduled invocation is not retried by the scheduler",
                            "DeadLetterConfig", "failed deliveries are not sent to a dead-letter queue")));

    /** Resource types the runtime creates nothing for, and whether that changes behaviour. */
    static final Set<String> AWS_ONLY_TYPES = Set.of("AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm",
            "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::Lambda::Permission",
            "AWS::SQS::QueuePolicy");
    static final Map<String, String> NOT_RUN_TYPES = Map.of("AWS::SNS::Topic",
            "the topic is not created: nothing is published to it or delivered from it");
}
