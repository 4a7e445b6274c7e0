package dev.fnbundle.fuzzy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnbundle.common.problem.Problem;
import dev.fnbundle.common.problem.ProblemException;
import dev.fnbundle.common.validation.InvalidFieldsException;
import dev.fnbundle.common.validation.Validation;
import dev.fnbundle.fuzzy.distance.Algorithm;
import dev.fnbundle.fuzzy.distance.AlgorithmOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /similarity}: {@code {"a", "b", "algorithm", "qval"?, "asSet"?, "restricted"?, "winklerize"?,
 * "prefixWeight"?, "longTolerance"?, "ks"?: [alpha, beta]}}, named as textdistance's constructor arguments.
 *
 * @param a         first text (may be empty)
 * @param b         second text (may be empty)
 * @param algorithm the algorithm
 * @param options   its options, checked against it
 */
record SimilarityRequest(String a, String b, Algorithm algorithm, AlgorithmOptions options) {

    private static final Set<String> MEMBERS = Set.of("a", "b", "algorithm", "qval", "asSet", "restricted",
            "winklerize", "prefixWeight", "longTolerance", "ks");

    /**
     * An option the algorithm lacks is refused even when given its default value: each present option is probed
     * with a non-default value against {@link AlgorithmOptions#validateFor}, the core's one source of truth.
     */
    private static final Map<String, AlgorithmOptions> PROBES = Map.of(
            "asSet", AlgorithmOptions.DEFAULTS.withAsSet(true),
            "restricted", AlgorithmOptions.DEFAULTS.withRestricted(false),
            "winklerize", AlgorithmOptions.DEFAULTS.withWinklerize(false),
            "prefixWeight", AlgorithmOptions.DEFAULTS.withPrefixWeight(0.2),
            "longTolerance", AlgorithmOptions.DEFAULTS.withLongTolerance(true),
            "ks", AlgorithmOptions.DEFAULTS.withTverskyWeights(2, 1));

    /**
     * @throws ProblemException 400 listing every malformed or unknown member; 413 when a text is longer than the
     *                          algorithm compares
     * @throws UnknownAlgorithmException   for an unknown algorithm (400 listing the valid names)
     * @throws UnsupportedOptionException  for an option the algorithm does not have
     * @throws InvalidFieldsException   for an option out of range
     */
    static SimilarityRequest read(JsonNode body) {
        var v = Validation.of(body);
        body.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                v.reject(name, "is not a member of a similarity request (or an option of any algorithm)");
            }
        });
        String a = text(v, body, "a");
        String b = text(v, body, "b");
        String name = v.requiredText("algorithm", 64);
        var options = AlgorithmOptions.DEFAULTS
                .withQval(v.optionalInt("qval", 1, 0, AlgorithmOptions.MAX_QVAL))
                .withAsSet(v.optionalBoolean("asSet", false))
                .withRestricted(v.optionalBoolean("restricted", true))
                .withWinklerize(v.optionalBoolean("winklerize", true))
                .withPrefixWeight(v.optionalNumber("prefixWeight", 0.1, 0, 0.25))
                .withLongTolerance(v.optionalBoolean("longTolerance", false));
        double[] ks = weights(v, body.get("ks"));
        options = options.withTverskyWeights(ks[0], ks[1]);
        v.throwIfInvalid();
        Algorithm algorithm = Algorithm.fromName(name);
        for (var probe : PROBES.entrySet()) {
            if (body.has(probe.getKey())) {
                probe.getValue().validateFor(algorithm);
            }
        }
        options.validateFor(algorithm);
        requireLength("a", a, algorithm);
        requireLength("b", b, algorithm);
        return new SimilarityRequest(a, b, algorithm, options);
    }

    private static String text(Validation v, JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            v.reject(field, "is required");
            return null;
        }
        if (!node.isTextual()) {
            v.reject(field, "must be a string");
            return null;
        }
        return node.textValue();
    }

    private static double[] weights(Validation v, JsonNode ks) {
        if (ks == null || ks.isNull()) {
            return new double[] {1, 1};
        }
        if (!ks.isArray() || ks.size() != 2 || !ks.get(0).isNumber() || !ks.get(1).isNumber()) {
            v.reject("ks", "must be two numbers [alpha, beta]");
            return new double[] {1, 1};
        }
        return new double[] {ks.get(0).doubleValue(), ks.get(1).doubleValue()};
    }

    /** States the algorithm's limit: the O(n·m) algorithms compare shorter texts than the linear ones. */
    private static void requireLength(String field, String text, Algorithm algorithm) {
        int length = text.codePointCount(0, text.length());
        if (length > algorithm.maxInputLength()) {
            var problem = Problem.tooLarge(field + " is " + length + " characters (code points) long; "
                    + algorithm.textdistanceName() + " compares texts of at most " + algorithm.maxInputLength(),
                    algorithm.maxInputLength())
                    .with("field", field).with("length", length).with("algorithm", algorithm.textdistanceName());
            throw new ProblemException(problem);
        }
    }

    /** Every algorithm's input limit, in code points, for problems that list the algorithms. */
    static Map<String, Integer> limits() {
        var limits = new LinkedHashMap<String, Integer>();
        for (Algorithm algorithm : Algorithm.values()) {
            limits.put(algorithm.textdistanceName(), algorithm.maxInputLength());
        }
        return limits;
    }
}
