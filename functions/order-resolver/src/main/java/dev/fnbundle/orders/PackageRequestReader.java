package dev.fnbundle.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.orders.packages.PackageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code {"packages": [{"name", "version", "requires": [...]}, ...], "roots"?: [...]}} into the core's
 * records. Only the JSON types are checked here; names, versions and requirement syntax are the resolver's job.
 */
final class PackageRequestReader {
    /** A parsed request; {@code roots} is null when every listed package is to be installed. */
    record PackageRequest(List<PackageSpec> packages, List<String> roots) {
    }

    private PackageRequestReader() {
    }

    static PackageRequest read(JsonNode body) {
        var v = Validation.of(body);
        JsonNode packages = v.required("packages");
        var specs = new ArrayList<PackageSpec>();
        if (packages != null && !packages.isArray()) {
            v.reject("packages", "must be an array of {name, version, requires} objects");
        } else if (packages != null) {
            for (int i = 0; i < packages.size(); i++) {
                specs.add(spec(packages.get(i), "packages[" + i + "]", v));
            }
        }
        List<String> roots = body.has("roots") ? texts(body.get("roots"), "roots", v) : null;
        v.throwIfInvalid();
        return new PackageRequest(specs, roots);
    }

    private static PackageSpec spec(JsonNode item, String path, Validation v) {
        if (!item.isObject()) {
            v.reject(path, "must be an object with name, version and requires");
            return null;
        }
        return new PackageSpec(text(item.get("name"), path + ".name", v), text(item.get("version"),
                path + ".version", v), item.has("requires") ? texts(item.get("requires"), path + ".requires", v)
                : List.of());
    }

    private static String text(JsonNode node, String path, Validation v) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            v.reject(path, "must be a string");
            return null;
        }
        return node.textValue();
    }

    private static List<String> texts(JsonNode node, String path, Validation v) {
        if (!node.isArray()) {
            v.reject(path, "must be an array of strings");
            return List.of();
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            String text = text(node.get(i), path + "[" + i + "]", v);
            if (node.get(i).isNull()) {
                v.reject(path + "[" + i + "]", "must be a string");
            }
            out.add(text);
        }
        return out;
    }
}
