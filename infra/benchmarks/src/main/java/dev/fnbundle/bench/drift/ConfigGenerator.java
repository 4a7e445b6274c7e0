package dev.fnbundle.bench.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded INI-style configs (sections, keys, comments, blank lines) and 1%-style mutations of them. */
final class ConfigGenerator {
    private static final String[] KEYS = {"host", "port", "timeout", "workers", "pool_size", "log_level",
        "retries", "path", "enabled", "name", "max_connections", "cache_ttl"};

    private ConfigGenerator() {
    }

    /** About {@code lines} lines, each ending in a newline. */
    static List<String> config(Random random, int lines) {
        List<String> out = new ArrayList<>(lines);
        int section = 0;
        while (out.size() < lines) {
            out.add("[service-" + section++ + "]\n");
            out.add("# settings of service " + (section - 1) + "\n");
            int keys = 4 + random.nextInt(12);
            for (int k = 0; k < keys && out.size() < lines; k++) {
                out.add(KEYS[random.nextInt(KEYS.length)] + " = " + random.nextInt(1_000_000) + "\n");
            }
            out.add("\n");
        }
        return out.subList(0, lines);
    }

    /** Changes about {@code rate} of the lines: 60% edited in place, 20% deleted, 20% with a line inserted. */
    static List<String> mutate(Random random, List<String> lines, double rate) {
        List<String> out = new ArrayList<>(lines.size() + 16);
        for (String line : lines) {
            if (random.nextDouble() >= rate) {
                out.add(line);
                continue;
            }
            int kind = random.nextInt(10);
            if (kind < 6) {
                out.add(line.strip() + "_changed\n");
            } else if (kind < 8) {
                out.add(line);
                out.add("added_key = " + random.nextInt(1_000_000) + "\n");
            }
        }
        return out;
    }
}
