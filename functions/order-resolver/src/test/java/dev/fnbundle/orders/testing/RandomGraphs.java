package dev.fnbundle.orders.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded random graphs as JSON text, with the awkward parts of graphlib's semantics: dependency-only nodes,
 * duplicate dependencies, repeated keys (last value wins), self-dependencies, cycles and unusual names.
 */
public final class RandomGraphs {
    private static final String[] ODD_NAMES = {"a.b", "x y", "é", "\"q\"", "back\\slash", "日本", "n-1", "N_2"};

    private RandomGraphs() {
    }

    /** A random graph; acyclic when {@code acyclic}, otherwise cycles are likely but not certain. */
    public static String graphJson(Random random, boolean acyclic) {
        int n = 1 + random.nextInt(random.nextBoolean() ? 12 : 45);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(random.nextInt(8) == 0 ? ODD_NAMES[random.nextInt(ODD_NAMES.length)] + i : "n" + i);
        }
        Collections.shuffle(names, random);
        double density = random.nextDouble() * (random.nextBoolean() ? 0.15 : 0.5);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(6) != 0) {
                keys.add(i);
            }
        }
        Collections.shuffle(keys, random);
        StringBuilder json = new StringBuilder("{");
        for (int key : keys) {
            if (random.nextInt(12) == 0) {
                appendEntry(json, names, key, dependencies(random, n, key, density, acyclic));
            }
            appendEntry(json, names, key, dependencies(random, n, key, density, acyclic));
        }
        if (json.length() > 1) {
            json.setLength(json.length() - 1);
        }
        return json.append('}').toString();
    }

    private static List<Integer> dependencies(Random random, int n, int key, double density, boolean acyclic) {
        List<Integer> deps = new ArrayList<>();
        int bound = acyclic ? key : n;
        for (int d = 0; d < bound; d++) {
            if (random.nextDouble() < density && (d != key || random.nextInt(4) == 0)) {
                deps.add(d);
                if (random.nextInt(10) == 0) {
                    deps.add(d);
                }
            }
        }
        Collections.shuffle(deps, random);
        return deps;
    }

    private static void appendEntry(StringBuilder json, List<String> names, int key, List<Integer> deps) {
        quote(json, names.get(key)).append(":[");
        for (int i = 0; i < deps.size(); i++) {
            quote(json, names.get(deps.get(i))).append(i + 1 < deps.size() ? "," : "");
        }
        json.append("],");
    }

    private static StringBuilder quote(StringBuilder json, String name) {
        return json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(name)).append('"');
    }
}
