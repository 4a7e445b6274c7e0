package dev.fnbundle.fuzzy.distance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnbundle.fuzzy.testing.PythonReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every algorithm and option against the transcription of textdistance's pure-Python code, on seeded random texts
 * mixing ASCII, accents, CJK, emoji beyond the BMP and Python whitespace; the doubles must be identical.
 */
class SimilarityDifferentialTest {

    private static final String[] ALPHABETS = {"ab", "abc ", "abcde", "aé日😀 \u00a0", "ab\u3000c\u2028😀😁"};

    private record Case(Algorithm algorithm, AlgorithmOptions options, String a, String b) {
    }

    private final SimilarityService service = new SimilarityService();

    @Test
    void every_algorithm_gives_the_same_doubles_as_textdistance_on_random_texts() {
        PythonReference.assumePython();
        Random random = new Random(20240611L);
        List<Case> cases = new ArrayList<>();
        for (Algorithm algorithm : Algorithm.values()) {
            for (AlgorithmOptions options : optionVariants(algorithm)) {
                for (int i = 0; i < 40; i++) {
                    cases.add(new Case(algorithm, options, randomText(random), randomText(random)));
                }
                cases.add(new Case(algorithm, options, longText(random, 230), longText(random, 260)));
                cases.add(new Case(algorithm, options, "", ""));
                cases.add(new Case(algorithm, options, "same text", "same text"));
            }
        }
        JsonNode answers = PythonReference.call(request(cases)).get("similarity");

        List<String> mismatches = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            String expected = describe(answers.get(i));
            String actual = run(cases.get(i));
            distinct.add(expected);
            if (!expected.equals(actual)) {
                mismatches.add(cases.get(i) + " python=" + expected + " java=" + actual);
            }
        }
        assertThat(mismatches).as("%d cases", cases.size()).isEmpty();
        assertThat(distinct).as("the cases exercise many values and textdistance's ZeroDivisionError")
                .hasSizeGreaterThan(300).contains("ZeroDivisionError");
    }

    private String run(Case c) {
        try {
            SimilarityScores s = service.compare(c.a(), c.b(), c.algorithm(), c.options());
            return s.distance() + " " + s.similarity() + " " + s.normalizedDistance() + " "
                    + s.normalizedSimilarity();
        } catch (UndefinedSimilarityException e) {
            return "ZeroDivisionError";
        }
    }

    private static String describe(JsonNode answer) {
        if (answer.has("error")) {
            return answer.get("error").asText();
        }
        return PythonReference.number(answer.get("distance")) + " "
                + PythonReference.number(answer.get("similarity")) + " "
                + PythonReference.number(answer.get("normalizedDistance")) + " "
                + PythonReference.number(answer.get("normalizedSimilarity"));
    }

    private static List<AlgorithmOptions> optionVariants(Algorithm algorithm) {
        AlgorithmOptions d = AlgorithmOptions.DEFAULTS;
        List<AlgorithmOptions> variants = new ArrayList<>();
        switch (algorithm) {
            case LCSSEQ, LCSSTR, RATCLIFF_OBERSHELP -> variants.add(d);
            case DAMERAU_LEVENSHTEIN -> {
                for (int q = 0; q <= 2; q++) {
                    variants.add(d.withQval(q));
                    variants.add(d.withQval(q).withRestricted(false));
                }
            }
            case JARO -> {
                for (int q = 0; q <= 2; q++) {
                    variants.add(d.withQval(q));
                    variants.add(d.withQval(q).withLongTolerance(true));
                }
            }
            case JARO_WINKLER -> {
                for (int q = 0; q <= 2; q++) {
                    variants.add(d.withQval(q));
                    variants.add(d.withQval(q).withLongTolerance(true));
                }
                variants.add(d.withWinklerize(false));
                variants.add(d.withPrefixWeight(0.2));
                variants.add(d.withPrefixWeight(0.25).withLongTolerance(true));
            }
            case JACCARD, SORENSEN_DICE, OVERLAP, COSINE, TVERSKY -> {
                for (int q = 0; q <= 3; q++) {
                    variants.add(d.withQval(q));
                    variants.add(d.withQval(q).withAsSet(true));
                }
                if (algorithm == Algorithm.TVERSKY) {
                    variants.add(d.withTverskyWeights(0.5, 0.5));
                    variants.add(d.withTverskyWeights(0.3, 0.7).withAsSet(true));
                    variants.add(d.withQval(2).withTverskyWeights(0, 0));
                }
            }
            default -> {
                for (int q = 0; q <= 3; q++) {
                    variants.add(d.withQval(q));
                }
            }
        }
        return variants;
    }

    private static ObjectNode request(List<Case> cases) {
        ObjectNode request = PythonReference.request();
        ArrayNode similarity = request.putArray("similarity");
        for (Case c : cases) {
            ObjectNode node = similarity.addObject();
            node.put("algorithm", c.algorithm().textdistanceName());
            node.put("a", c.a());
            node.put("b", c.b());
            ObjectNode options = node.putObject("options");
            AlgorithmOptions o = c.options();
            options.put("qval", o.qval());
            options.put("as_set", o.asSet());
            options.put("restricted", o.restricted());
            options.put("winklerize", o.winklerize());
            options.put("long_tolerance", o.longTolerance());
            if (o.prefixWeight() != JaroWinkler.DEFAULT_PREFIX_WEIGHT) {
                options.put("prefix_weight", o.prefixWeight());
            }
            if (o.tverskyAlpha() != 1 || o.tverskyBeta() != 1) {
                options.putArray("ks").add(o.tverskyAlpha()).add(o.tverskyBeta());
            }
        }
        return request;
    }

    private static String randomText(Random random) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int[] symbols = alphabet.codePoints().toArray();
        int length = random.nextInt(10) < 2 ? random.nextInt(3) : random.nextInt(14);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(symbols[random.nextInt(symbols.length)]);
        }
        return text.toString();
    }

    private static String longText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("abcdefgh ".charAt(random.nextInt(9)));
        }
        return text.toString();
    }
}
