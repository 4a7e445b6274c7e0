package dev.fnbundle.bench;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of every benchmark: {@code ./mvnw -q -pl infra/benchmarks compile exec:exec -Dbench=NAME}
 * (the compile phase selects the JDK 21+ toolchain that exec then uses).
 *
 * <p>Each benchmark is a class with a {@code main(String[])} that prints its own figures and the ratio
 * against the Python reference measured in the same run.
 */
public final class Bench {
    private static final Map<String, String> BENCHMARKS = new TreeMap<>(Map.of(
            "orders", "dev.fnbundle.bench.orders.OrdersBenchmark",
            "drift", "dev.fnbundle.bench.drift.DriftBenchmark",
            "rss", "dev.fnbundle.bench.rss.RssBenchmark",
            "email", "dev.fnbundle.bench.email.EmailBenchmark",
            "fuzzy", "dev.fnbundle.bench.fuzzy.FuzzyBenchmark"));

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String className = BENCHMARKS.get(name);
        if (className == null) {
            System.out.println("usage: ./mvnw -q -pl infra/benchmarks compile exec:exec -Dbench=NAME"
                    + " [-Dbench.args=...]");
            System.out.println("benchmarks: " + String.join(", ", BENCHMARKS.keySet()));
            return;
        }
        Method main = Class.forName(className).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
