package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP API of the stack: its JWT authorizers and the default one applied to every route. */
public record HttpApiSpec(String logicalId, Map<String, JwtAuthorizer> authorizers, String defaultAuthorizer) {

    /** A JWT authorizer: the token's issuer and accepted audiences, and where the token is read from. */
    public record JwtAuthorizer(String name, String issuer, List<String> audiences, String identitySource) {
    }

    static HttpApiSpec of(String logicalId, JsonNode properties) {
        JsonNode auth = properties.path("Auth");
        var authorizers = new LinkedHashMap<String, JwtAuthorizer>();
        for (var entry : auth.path("Authorizers").properties()) {
            JsonNode jwt = entry.getValue().path("JwtConfiguration");
            if (jwt.isMissingNode()) {
                throw new UnsupportedTemplateException("HTTP API " + logicalId + " authorizer " + entry.getKey()
                        + " is not a JWT authorizer; the local runtime supports JWT authorizers only");
            }
            authorizers.put(entry.getKey(), new JwtAuthorizer(entry.getKey(), jwt.path("issuer").asText(),
                    StackModel.texts(jwt.path("audience")),
                    entry.getValue().path("IdentitySource").asText("$request.header.Authorization")));
        }
        String defaultAuthorizer = auth.path("DefaultAuthorizer").asText(null);
        if (defaultAuthorizer != null && !authorizers.containsKey(defaultAuthorizer)) {
            throw new UnsupportedTemplateException("HTTP API " + logicalId + " DefaultAuthorizer "
                    + defaultAuthorizer + " is not among its Authorizers");
        }
        return new HttpApiSpec(logicalId, authorizers, defaultAuthorizer);
    }
}
