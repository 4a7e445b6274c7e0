package dev.fnbundle.embedded.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackModelTest {
    private static final LocalAccount ACCOUNT = LocalAccount.local("dev", URI.create("http://127.0.0.1:9324"));

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: test
                AllowedValues: [test, prod]
              Audience:
                Type: CommaDelimitedList
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              Function:
                Runtime: java21
                MemorySize: 512
                Timeout: 10
                Environment:
                  Variables:
                    LOG_LEVEL: INFO
                    STAGE: !Ref Stage
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        JwtConfiguration:
                          issuer: !Sub https://issuer.${AWS::Region}.example
                          audience: !Ref Audience
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub ${AWS::StackName}-items
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  TimeToLiveSpecification: {AttributeName: ttl, Enabled: true}
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 60
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt Dlq.Arn
                    maxReceiveCount: 5
              Dlq:
                Type: AWS::SQS::Queue
              ProdOnly:
                Type: AWS::SQS::Queue
                Condition: IsProd
              Logs:
                Type: AWS::Logs::LogGroup
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/x/target/x.zip
                  Handler: x.Handler::handleRequest
                  Timeout: 8
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      QUEUE_URL: !Ref Queue
                      QUEUE_ARN: !GetAtt Queue.Arn
                      JOINED: !Join [":", [a, !Ref Stage]]
                      OPTIONAL: !If [IsProd, yes, !Ref AWS::NoValue]
                  Events:
                    Get:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Method: get
                        Path: /items/{id}
                    Work:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue.Arn
                        BatchSize: 5
                        FunctionResponseTypes: [ReportBatchItemFailures]
                        ScalingConfig: {MaximumConcurrency: 2}
                    Tick:
                      Type: Schedule
                      Properties: {Schedule: rate(5 minutes), Input: '{"k": 1}'}
            Outputs:
              TableName:
                Value: !Ref Table
            """;

    private static StackModel resolve(Map<String, String> overrides) {
        return StackModel.resolve(Template.parse(Path.of("/repo/template.yaml"), TEMPLATE), overrides, ACCOUNT);
    }

    @Test
    void functions_get_globals_merged_and_intrinsics_resolved() {
        var fn = resolve(Map.of("Audience", "a,b")).functions().get("Fn");

        assertThat(fn.name()).isEqualTo("dev-Fn");
        assertThat(fn.codeUri()).isEqualTo(Path.of("/repo/functions/x/target/x.zip"));
        assertThat(fn.memoryMb()).isEqualTo(512);
        assertThat(fn.timeoutSeconds()).isEqualTo(8);
        assertThat(fn.environment()).containsExactly(
                Map.entry("LOG_LEVEL", "INFO"), Map.entry("STAGE", "test"), Map.entry("TABLE", "dev-items"),
                Map.entry("QUEUE_URL", "http://127.0.0.1:9324/000000000000/dev-Queue"),
                Map.entry("QUEUE_ARN", "arn:aws:sqs:us-east-1:000000000000:dev-Queue"),
                Map.entry("JOINED", "a:test"));
    }

    @Test
    void events_are_typed_with_their_settings() {
        var fn = resolve(Map.of("Audience", "a")).functions().get("Fn");

        assertThat(fn.events(EventSpec.HttpApiRoute.class)).singleElement()
                .satisfies(route -> assertThat(route.routeKey()).isEqualTo("GET /items/{id}"));
        assertThat(fn.events(EventSpec.SqsSource.class)).singleElement().satisfies(sqs -> {
            assertThat(sqs.batchSize()).isEqualTo(5);
            assertThat(sqs.reportBatchItemFailures()).isTrue();
            assertThat(sqs.maximumConcurrency()).isEqualTo(2);
        });
        assertThat(fn.events(EventSpec.Schedule.class)).singleElement()
                .satisfies(s -> assertThat(s.expression()).isEqualTo("rate(5 minutes)"));
    }

    @Test
    void queues_know_their_dead_letter_queue_and_conditions_drop_resources() {
        var model = resolve(Map.of("Audience", "a"));

        assertThat(model.queue("Queue").deadLetterArn()).isEqualTo(model.queue("Dlq").arn());
        assertThat(model.queue("Queue").maxReceiveCount()).isEqualTo(5);
        assertThat(model.queues()).doesNotContainKey("ProdOnly");
        assertThat(resolve(Map.of("Audience", "a", "Stage", "prod")).queues()).containsKey("ProdOnly");
        assertThat(model.table("Table").ttlAttribute()).isEqualTo("ttl");
    }

    @Test
    void the_api_authorizer_carries_issuer_and_audiences() {
        var api = resolve(Map.of("Audience", "a, b")).apis().get("Api");

        assertThat(api.defaultAuthorizer()).isEqualTo("Jwt");
        assertThat(api.authorizers().get("Jwt").issuer()).isEqualTo("https://issuer.us-east-1.example");
        assertThat(api.authorizers().get("Jwt").audiences()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void outputs_are_resolved() {
        assertThat(resolve(Map.of("Audience", "a")).outputs()).containsEntry("TableName", "dev-items");
    }

    @Test
    void a_parameter_without_value_or_default_is_named() {
        assertThatThrownBy(() -> resolve(Map.of())).isInstanceOf(UnsupportedTemplateException.class)
                .hasMessageContaining("parameter Audience has no Default");
    }

    @Test
    void a_value_outside_allowed_values_or_an_unknown_override_is_refused() {
        assertThatThrownBy(() -> resolve(Map.of("Audience", "a", "Stage", "qa")))
                .hasMessageContaining("Stage = qa is not one of");
        assertThatThrownBy(() -> resolve(Map.of("Audience", "a", "Nope", "x")))
                .hasMessageContaining("Nope names no parameter");
    }

    @Test
    void unsupported_constructs_are_named_with_their_location() {
        String withImport = TEMPLATE.replace("LOG_LEVEL: INFO", "LOG_LEVEL: !ImportValue shared-level");

        assertThatThrownBy(() -> StackModel.resolve(Template.parse(Path.of("t.yaml"), withImport),
                Map.of("Audience", "a"), ACCOUNT))
                .isInstanceOf(UnsupportedTemplateException.class)
                .hasMessageContaining("Fn::ImportValue").hasMessageContaining("Environment.Variables.LOG_LEVEL");
        assertThatThrownBy(() -> Template.parse(Path.of("t.yaml"), "Resources: [1"))
                .isInstanceOf(UnsupportedTemplateException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void an_unsupported_resource_type_is_named() {
        String yaml = "Resources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n";

        assertThatThrownBy(() -> StackModel.resolve(Template.parse(Path.of("t.yaml"), yaml), Map.of(), ACCOUNT))
                .isInstanceOf(UnsupportedTemplateException.class)
                .hasMessageContaining("Flow has type AWS::Serverless::StateMachine");
    }

    @Test
    void short_form_tags_become_long_form_and_dates_stay_strings() {
        var template = Template.parse(Path.of("t.yaml"), """
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  A:
                    Type: AWS::SQS::Queue
                    Properties:
                      X: !GetAtt B.Arn
                      Y: !Sub ["${a}", {a: !Ref C}]
                """);

        var properties = template.resources().get("A").properties();
        assertThat(template.document().get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(properties.get("X").toString()).isEqualTo("{\"Fn::GetAtt\":[\"B\",\"Arn\"]}");
        assertThat(properties.get("Y").get("Fn::Sub").get(1).get("a").toString()).isEqualTo("{\"Ref\":\"C\"}");
    }
}
