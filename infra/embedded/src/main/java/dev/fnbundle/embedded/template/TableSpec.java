package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;

/** A DynamoDB table of the stack: its logical id, physical name and resolved properties. */
public record TableSpec(String logicalId, String name, JsonNode properties) {
    /** The attribute the table's TimeToLiveSpecification enables, if any. */
    public String ttlAttribute() {
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        return ttl.path("Enabled").asBoolean(false) ? ttl.path("AttributeName").asText(null) : null;
    }
}
