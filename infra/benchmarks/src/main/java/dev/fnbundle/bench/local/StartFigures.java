package dev.fnbundle.bench.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one start of the runtime went, read from what it printed: when the API listened ({@code ready in}), when
 * every function was warm (its health answering 200, measured by the client), each function's first instance's
 * init, and each function's first invocation (its REPORT duration: the first request a warm JVM serves).
 */
record StartFigures(double readyMillis, double warmMillis, Map<String, Double> initMillis,
                    Map<String, Double> firstInvocationMillis) {
    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms \\((\\d+) ms since JVM start[,)]");
    private static final Pattern INIT = Pattern.compile("(\\w+)\\s+instance #1 ready, init (\\d+) ms");
    private static final Pattern INVOCATION = Pattern.compile("^\\S+\\s+(\\w+)\\s+(?:route|queue|schedule|invoke)"
            + " .*?\\s([\\d.]+) ms\\s+(?:cold|warm)\\s");

    static StartFigures of(RunningRuntime runtime) {
        double ready = -1;
        var init = new LinkedHashMap<String, Double>();
        var first = new LinkedHashMap<String, Double>();
        for (String line : runtime.output()) {
            String plain = line.replaceAll("\u001B\\[[0-9;]*m", "");
            Matcher m = READY.matcher(plain);
            if (m.find()) {
                ready = Double.parseDouble(m.group(2));
            }
            m = INIT.matcher(plain);
            if (m.find()) {
                init.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
            }
            m = INVOCATION.matcher(plain);
            if (m.find()) {
                first.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return new StartFigures(ready, runtime.warmMillis(), init, first);
    }

    /** A markdown table, one column per start. */
    static String table(List<StartFigures> starts) {
        var md = new StringBuilder("\nStarts of the runtime in these runs (from its JVM's launch; functions start in"
                + " the background after `ready`, two at a time; `first invocation` is the REPORT duration of the"
                + " first request a function served):\n\n| | ");
        for (int i = 1; i <= starts.size(); i++) {
            md.append("run ").append(i).append(" | ");
        }
        md.append("\n|---|").append("---|".repeat(starts.size())).append('\n');
        row(md, "API listening (`ready in`)", starts.stream().map(StartFigures::readyMillis).toList());
        row(md, "every function warm (health 200)", starts.stream().map(StartFigures::warmMillis).toList());
        var functions = new TreeSet<String>();
        starts.forEach(s -> functions.addAll(s.initMillis().keySet()));
        for (String function : functions) {
            row(md, "init " + function, starts.stream().map(s -> s.initMillis().getOrDefault(function, -1.0))
                    .toList());
        }
        var invoked = new TreeSet<String>();
        starts.forEach(s -> invoked.addAll(s.firstInvocationMillis().keySet()));
        for (String function : invoked) {
            row(md, "first invocation " + function, starts.stream()
                    .map(s -> s.firstInvocationMillis().getOrDefault(function, -1.0)).toList());
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String what, List<Double> values) {
        md.append("| ").append(what).append(" | ");
        for (double value : values) {
            md.append(value < 0 ? "–" : String.format(Locale.ROOT, "%.0f ms", value)).append(" | ");
        }
        md.append('\n');
    }
}
