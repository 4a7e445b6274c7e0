package dev.fnbundle.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.LocalAws;
import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateAuditTest {
    private static final LocalAccount ACCOUNT = LocalAccount.local("local", URI.create("http://127.0.0.1:9324"));
    private static final Map<String, String> JWT = Map.of("JwtIssuer", "https://issuer.test",
            "JwtAudience", "fixture");

    @Test
    void the_fixture_templates_layers_and_lambda_authorizer_are_named_with_where_they_are() throws IOException {
        var audit = audit(fixture(), JWT);

        assertThat(audit.notices()).extracting(TemplateNotice::where).containsExactly(
                "Resources.Api.Properties.Auth.Authorizers.Legacy",
                "Resources.SleepyFunction.Properties.Layers");
        assertThat(audit.notices().get(1).message()).contains("layers are not loaded locally");
        assertThat(audit.awsOnly()).isEmpty();
    }

    @Test
    void layers_from_globals_event_types_and_properties_it_cannot_run_get_one_notice_each() {
        var audit = audit("""
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: fn.zip
                    Layers: [arn:aws:lambda:us-east-1:1:layer:common:1]
                    Tracing: Active
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                  Logs:
                    Type: AWS::Logs::LogGroup
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      SqsManagedSseEnabled: true
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      StreamSpecification: {StreamViewType: NEW_IMAGE}
                  One:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.One::handleRequest
                      Policies: [AWSLambdaBasicExecutionRole]
                      Events:
                        Upload:
                          Type: S3
                          Properties: {Bucket: uploads, Events: s3:ObjectCreated:*}
                        Work:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Queue.Arn
                            FilterCriteria: {Filters: [{Pattern: '{"body": {"kind": ["a"]}}'}]}
                        Daily:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: cron(0 9 * * ? *)
                            ScheduleExpressionTimezone: Europe/Paris
                  Two:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.Two::handleRequest
                      FunctionUrlConfig: {AuthType: NONE}
                """, Map.of());

        assertThat(audit.notices()).extracting(TemplateNotice::toString).containsExactly(
                "Resources.Topic: AWS::SNS::Topic: the topic is not created: nothing is published to it or"
                        + " delivered from it",
                "Resources.Table.Properties.StreamSpecification: no stream is produced, so nothing is triggered"
                        + " by it",
                "Globals.Function.Layers: layers are not loaded locally; the function runs with its zip alone",
                "Resources.One.Properties.Events.Upload: event type S3 is not triggered locally (the runtime"
                        + " triggers HttpApi, SQS, Schedule, ScheduleV2)",
                "Resources.One.Properties.Events.Work.Properties.FilterCriteria: every message is delivered:"
                        + " filter criteria are not applied",
                "Resources.One.Properties.Events.Daily.Properties.ScheduleExpressionTimezone: schedules fire in"
                        + " UTC locally",
                "Resources.Two.Properties.FunctionUrlConfig: no function URL is served; call it through the HTTP"
                        + " API or the Invoke API");
        assertThat(audit.awsOnly()).containsExactly("AWS::Logs::LogGroup", "Policies", "SqsManagedSseEnabled",
                "Tracing");
    }

    @Test
    void the_bundles_own_template_says_what_it_leaves_to_aws() {
        Path path = LocalAws.repositoryRoot().resolve("template.yaml");
        var template = Template.read(path);
        var audit = TemplateAudit.of(template, StackModel.resolve(template, JWT, ACCOUNT));

        assertThat(audit.notices()).extracting(TemplateNotice::where)
                .containsExactly("Resources.HttpApi.Properties.DefaultRouteSettings");
        assertThat(audit.awsOnly()).contains("Policies", "SnapStart", "AWS::Logs::LogGroup");
    }

    private static TemplateAudit audit(String yaml, Map<String, String> parameters) {
        var template = Template.parse(Path.of("/tmp/t/template.yaml"), yaml);
        return TemplateAudit.of(template, StackModel.resolve(template, parameters, ACCOUNT));
    }

    private static String fixture() throws IOException {
        try (InputStream in = TemplateAuditTest.class.getResourceAsStream("/fixture-template.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
