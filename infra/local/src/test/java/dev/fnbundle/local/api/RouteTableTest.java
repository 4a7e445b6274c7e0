package dev.fnbundle.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fnbundle.embedded.template.LocalAccount;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final String TEMPLATE = """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Jwt
                    Authorizers:
                      Jwt:
                        JwtConfiguration: {issuer: "https://i", audience: [a]}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  CodeUri: x.zip
                  Handler: x.H::handle
                  Events:
                    ById: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: "/feeds/{id}"}}
                    Parse: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: /feeds/parse}}
                    Any: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: ANY, Path: "/feeds/{id}"}}
                    Files: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: "/files/{path+}"}}
                    Open:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /open, Auth: {Authorizer: NONE}}
                    Fallback: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: ANY, Path: $default}}
            """;
    private final RouteTable routes = RouteTable.from(StackModel.resolve(Template.parse(Path.of("t.yaml"), TEMPLATE),
            Map.of(), LocalAccount.local("t", URI.create("http://127.0.0.1:1"))));

    @Test
    void literal_segments_beat_variables_and_exact_methods_beat_any() {
        assertThat(routes.match("GET", "/feeds/parse").orElseThrow().route().routeKey()).isEqualTo("GET /feeds/parse");
        assertThat(routes.match("GET", "/feeds/f1").orElseThrow().route().routeKey()).isEqualTo("GET /feeds/{id}");
        assertThat(routes.match("DELETE", "/feeds/f1").orElseThrow().route().routeKey()).isEqualTo("ANY /feeds/{id}");
        assertThat(routes.match("GET", "/feeds/f1").orElseThrow().pathParameters()).containsEntry("id", "f1");
    }

    @Test
    void a_greedy_variable_takes_the_rest_of_the_path() {
        var match = routes.match("GET", "/files/a/b/c.txt").orElseThrow();

        assertThat(match.pathParameters()).containsEntry("path", "a/b/c.txt");
    }

    @Test
    void the_default_route_catches_the_rest_and_auth_none_opens_a_route() {
        assertThat(routes.match("POST", "/nowhere").orElseThrow().route().routeKey()).isEqualTo("$default");
        assertThat(routes.match("GET", "/open").orElseThrow().route().authorizer()).isNull();
        assertThat(routes.match("GET", "/feeds/parse").orElseThrow().route().authorizer().issuer()).isEqualTo("https://i");
    }
}
