package dev.fnbundle.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.embedded.template.EventSpec;
import dev.fnbundle.embedded.template.StackModel;
import dev.fnbundle.embedded.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a template for what the local runtime will not run, so that nothing in it is ignored without a word:
 * layers, event types, authorizer kinds, and properties it has no local behaviour for. Each gets one
 * {@link TemplateNotice} naming it and where it is; a property set in {@code Globals} is named once there.
 * Properties that only configure AWS itself (IAM, encryption, tracing, tags) are listed apart, as
 * {@link #awsOnly()}: they change nothing a local run could show.
 */
public final class TemplateAudit {
    private final List<TemplateNotice> notices = new ArrayList<>();
    private final Set<String> awsOnly = new TreeSet<>();
    private final Set<String> reported = new LinkedHashSet<>();
    private final Template template;

    private TemplateAudit(Template template) {
        this.template = template;
    }

    /** Audits the resources {@code model} includes (those whose Condition holds). */
    public static TemplateAudit of(Template template, StackModel model) {
        var audit = new TemplateAudit(template);
        var resources = template.resources();
        model.included().forEach((id, type) -> audit.resource(resources.get(id)));
        return audit;
    }

    /** What is not run, in template order. */
    public List<TemplateNotice> notices() {
        return List.copyOf(notices);
    }

    /** The names of AWS-only properties and resource types the template uses, sorted. */
    public List<String> awsOnly() {
        return List.copyOf(awsOnly);
    }

    private void resource(Template.Resource resource) {
        String where = "Resources." + resource.logicalId();
        switch (resource.type()) {
            case "AWS::Serverless::Function" -> function(resource, where);
            case "AWS::Serverless::HttpApi" -> httpApi(resource, where);
            case "AWS::DynamoDB::Table" -> properties(resource.properties(), LocalSupport.TABLE, where, null);
            case "AWS::SQS::Queue" -> properties(resource.properties(), LocalSupport.QUEUE, where, null);
            default -> {
                String why = LocalSupport.NOT_RUN_TYPES.get(resource.type());
                if (why != null) {
                    notice(where, resource.type() + ": " + why);
                } else if (LocalSupport.AWS_ONLY_TYPES.contains(resource.type())) {
                    awsOnly.add(resource.type());
                }
            }
        }
    }

    private void function(Template.Resource resource, String where) {
        properties(resource.properties(), LocalSupport.FUNCTION, where, template.globals().path("Function"));
        for (var event : resource.properties().path("Events").properties()) {
            String at = where + ".Properties.Events." + event.getKey();
            String type = event.getValue().path("Type").asText();
            LocalSupport.Kind kind = LocalSupport.EVENTS.get(type);
            if (kind == null) {
                notice(at, "event type " + type + " is not triggered locally (the runtime triggers "
                        + String.join(", ", EventSpec.SUPPORTED_TYPES) + ")");
                continue;
            }
            properties(event.getValue().path("Properties"), kind, at, null);
            JsonNode payload = event.getValue().path("Properties").path("PayloadFormatVersion");
            if (type.equals("HttpApi") && !payload.isMissingNode() && !payload.asText().equals("2.0")) {
                notice(at + ".Properties.PayloadFormatVersion", "the function gets payload format 2.0 locally,"
                        + " not " + payload.asText());
            }
        }
    }

    private void httpApi(Template.Resource resource, String where) {
        JsonNode properties = resource.properties();
        properties(properties, LocalSupport.HTTP_API, where, template.globals().path("HttpApi"));
        String stage = properties.path("StageName").asText("$default");
        if (!stage.equals("$default")) {
            notice(where + ".Properties.StageName", "routes are served at the root locally, without the /"
                    + stage + " prefix");
        }
        JsonNode auth = properties.path("Auth");
        if (auth.path("EnableIamAuthorizer").asBoolean(false)) {
            notice(where + ".Properties.Auth.EnableIamAuthorizer", "IAM authorization is not run locally: routes"
                    + " using AWS_IAM refuse every request (401)");
        }
        for (var authorizer : auth.path("Authorizers").properties()) {
            String at = where + ".Properties.Auth.Authorizers." + authorizer.getKey();
            JsonNode config = authorizer.getValue();
            if (!config.has("JwtConfiguration")) {
                notice(at, "only JWT authorizers run locally: routes using this one refuse every request (401)");
                continue;
            }
            for (var field : config.properties()) {
                String name = field.getKey();
                if (!Set.of("JwtConfiguration", "IdentitySource", "AuthorizationScopes").contains(name)) {
                    notice(at + "." + name, "not applied by the local JWT authorizer");
                }
            }
            String source = config.path("IdentitySource").asText("$request.header.Authorization");
            if (!source.equals("$request.header.Authorization")) {
                notice(at + ".IdentitySource", "the local JWT authorizer reads the Authorization header, not "
                        + source);
            }
        }
    }

    /** Checks each property of one resource or event; {@code globals} names where inherited ones come from. */
    private void properties(JsonNode properties, LocalSupport.Kind kind, String where, JsonNode globals) {
        for (var field : properties.properties()) {
            String name = field.getKey();
            if (kind.run().contains(name)) {
                continue;
            }
            if (kind.awsOnly().contains(name)) {
                awsOnly.add(name);
                continue;
            }
            boolean inherited = globals != null && globals.has(name) && !ownProperties(where).has(name);
            String at = inherited ? "Globals." + (kind == LocalSupport.FUNCTION ? "Function" : "HttpApi") + "."
                    + name : where + ".Properties." + name;
            notice(at, kind.why(name));
        }
    }

    /** A resource's properties as written, before Globals. */
    private JsonNode ownProperties(String where) {
        String id = where.substring("Resources.".length());
        return template.document().path("Resources").path(id).path("Properties");
    }

    private void notice(String where, String message) {
        if (reported.add(where)) {
            notices.add(new TemplateNotice(where, message));
        }
    }
}
