package dev.fnbundle.embedded.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** What {@code Ref} and {@code Fn::GetAtt} of a resource return in the stack being resolved. */
public interface References {
    /** The value of {@code Ref logicalId}, or empty when there is no such resource. */
    Optional<JsonNode> ref(String logicalId);

    /** The value of {@code Fn::GetAtt [logicalId, attribute]}, or empty when unknown. */
    Optional<JsonNode> getAtt(String logicalId, String attribute);
}
