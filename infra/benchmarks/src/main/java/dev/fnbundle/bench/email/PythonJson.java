package dev.fnbundle.bench.email;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the benchmark script's output: {"seconds": n, "amounts": {"<id>": "$1.00", ...}} (ASCII JSON). */
final class PythonJson {
    private static final Pattern SECONDS = Pattern.compile("\"seconds\": ([0-9.eE+-]+)");
    private static final Pattern ENTRY = Pattern.compile("\"(<[^\"]+>)\": \"([^\"]*)\"");

    private PythonJson() {
    }

    static double seconds(String json) {
        Matcher m = SECONDS.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no seconds in python output");
        }
        return Double.parseDouble(m.group(1));
    }

    static Map<String, String> amounts(String json) {
        Map<String, String> amounts = new HashMap<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            amounts.put(m.group(1), m.group(2));
        }
        return amounts;
    }
}
