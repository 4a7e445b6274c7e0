package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API of the stack: its JWT authorizers, the default one applied to every route, its CORS configuration,
 * and the authorizers of kinds the local runtime cannot run (Lambda authorizers), by name.
 *
 * @param cors                   the API's CorsConfiguration, or null when it has none
 * @param unsupportedAuthorizers authorizer name to a description of its kind
 */
public record HttpApiSpec(String logicalId, Map<String, JwtAuthorizer> authorizers, String defaultAuthorizer,
                          Cors cors, Map<String, String> unsupportedAuthorizers) {

    /**
     * A JWT authorizer: the token's issuer and accepted audiences, where the token is read from, and the scopes
     * every route using it requires unless the route names its own.
     */
    public record JwtAuthorizer(String name, String issuer, List<String> audiences, String identitySource,
                                List<String> authorizationScopes) {
    }

    /**
     * The API's CORS configuration, as API Gateway applies it: {@code CorsConfiguration: true} allows every
     * origin; a string allows that origin.
     */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, boolean allowCredentials, int maxAgeSeconds) {
        static Cors of(JsonNode node) {
            if (node == null || node.isMissingNode() || node.isNull() || node.isBoolean() && !node.asBoolean()) {
                return null;
            }
            if (node.isBoolean()) {
                return new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), false, -1);
            }
            if (node.isTextual()) {
                return new Cors(List.of(unquote(node.asText())), List.of("*"), List.of("*"), List.of(), false, -1);
            }
            return new Cors(StackModel.texts(node.path("AllowOrigins")), StackModel.texts(node.path("AllowMethods")),
                    StackModel.texts(node.path("AllowHeaders")), StackModel.texts(node.path("ExposeHeaders")),
                    node.path("AllowCredentials").asBoolean(false), StackModel.integer(node, "MaxAge", -1));
        }

        /** SAM's string form may quote the origin for API Gateway ("'https://example.com'"). */
        private static String unquote(String origin) {
            return origin.length() > 1 && origin.startsWith("'") && origin.endsWith("'")
                    ? origin.substring(1, origin.length() - 1) : origin;
        }
    }

    static HttpApiSpec of(String logicalId, JsonNode properties) {
        JsonNode auth = properties.path("Auth");
        var authorizers = new LinkedHashMap<String, JwtAuthorizer>();
        var unsupported = new LinkedHashMap<String, String>();
        for (var entry : auth.path("Authorizers").properties()) {
            JsonNode jwt = entry.getValue().path("JwtConfiguration");
            if (jwt.isMissingNode()) {
                unsupported.put(entry.getKey(), entry.getValue().has("FunctionArn") ? "a Lambda authorizer"
                        : "an authorizer without JwtConfiguration");
                continue;
            }
            authorizers.put(entry.getKey(), new JwtAuthorizer(entry.getKey(), jwt.path("issuer").asText(),
                    StackModel.texts(jwt.path("audience")),
                    entry.getValue().path("IdentitySource").asText("$request.header.Authorization"),
                    StackModel.texts(entry.getValue().path("AuthorizationScopes"))));
        }
        String defaultAuthorizer = auth.path("DefaultAuthorizer").asText(null);
        if (defaultAuthorizer != null && !authorizers.containsKey(defaultAuthorizer)
                && !unsupported.containsKey(defaultAuthorizer) && !defaultAuthorizer.equals("AWS_IAM")) {
            throw new UnsupportedTemplateException("HTTP API " + logicalId + " DefaultAuthorizer "
                    + defaultAuthorizer + " is not among its Authorizers");
        }
        if ("AWS_IAM".equals(defaultAuthorizer)) {
            unsupported.put("AWS_IAM", "IAM authorization");
        }
        return new HttpApiSpec(logicalId, authorizers, defaultAuthorizer,
                Cors.of(properties.get("CorsConfiguration")), unsupported);
    }
}
