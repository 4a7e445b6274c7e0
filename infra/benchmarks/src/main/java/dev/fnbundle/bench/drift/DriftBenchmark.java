package dev.fnbundle.bench.drift;

import dev.fnbundle.common.crypto.Digests;
import dev.fnbundle.configaudit.difflib.Opcode;
import dev.fnbundle.configaudit.difflib.PythonText;
import dev.fnbundle.configaudit.difflib.SequenceMatcher;
import dev.fnbundle.configaudit.difflib.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ratio() + get_opcodes() + unified_diff(n=3) on two generated configs with 1% of lines changed, ours against
 * python3's difflib in the same run, outputs checked identical (ratio repr, SHA-256 of the opcode list and of the
 * unified-diff bytes). Args: line counts, default {@code 10000 100000}. Times are best-of-N.
 */
public final class DriftBenchmark {
    private static final long SEED = 20260101L;
    private static final int JAVA_RUNS = 15;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int PYTHON_RUNS = 3;
    private static final String PYTHON = """
            import difflib, hashlib, json, sys, time
            a_text = open(sys.argv[1], encoding="utf-8", newline="").read()
            b_text = open(sys.argv[2], encoding="utf-8", newline="").read()
            times = []
            for _ in range(int(sys.argv[3])):
                t0 = time.perf_counter()
                a = a_text.splitlines(keepends=True)
                b = b_text.splitlines(keepends=True)
                sm = difflib.SequenceMatcher(None, a, b)
                ratio = sm.ratio()
                ops = sm.get_opcodes()
                diff = "".join(difflib.unified_diff(a, b, fromfile="a.conf", tofile="b.conf", n=3))
                times.append(time.perf_counter() - t0)
            op_text = "".join("%s %d %d %d %d\\n" % op for op in ops)
            print(json.dumps({"times": times, "ratio": repr(ratio), "opcodes": len(ops),
                              "opsSha": hashlib.sha256(op_text.encode()).hexdigest(),
                              "diffSha": hashlib.sha256(diff.encode("utf-8")).hexdigest(),
                              "diffBytes": len(diff.encode("utf-8"))}))
            """;

    private DriftBenchmark() {
    }

    /** One measured side. */
    private record Outcome(double bestMs, double coldMs, String ratio, int opcodes, String opsSha, String diffSha,
                           long diffBytes) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createDirectories(Path.of("target", "drift-bench"));
        Path script = dir.resolve("difflib_bench.py");
        Files.writeString(script, PYTHON);
        System.out.println("drift: ratio + opcodes + unified_diff(n=3), 1% of lines changed, seed " + SEED);
        // Best-of-N for both sides: on a shared machine the minimum is the least noisy estimate of the cost.
        System.out.println("java: best of " + JAVA_RUNS + " runs after >= 3 s of warm-up (cold = first run);"
                + " python: best of " + PYTHON_RUNS + " runs");
        System.out.printf("%9s %12s %12s %12s %9s %10s  %s%n", "lines", "python ms", "java ms", "java cold", "speedup",
                "opcodes", "identical");
        List<double[]> timings = new ArrayList<>();
        for (int lines : sizes) {
            Random random = new Random(SEED + lines);
            List<String> base = ConfigGenerator.config(random, lines);
            String a = String.join("", base);
            String b = String.join("", ConfigGenerator.mutate(random, base, 0.01));
            Path fa = dir.resolve("a-" + lines + ".conf");
            Path fb = dir.resolve("b-" + lines + ".conf");
            Files.writeString(fa, a);
            Files.writeString(fb, b);
            Outcome ours = java(a, b);
            Outcome python = python(script, fa, fb);
            boolean same = python != null && Double.parseDouble(ours.ratio()) == Double.parseDouble(python.ratio())
                    && ours.opsSha().equals(python.opsSha()) && ours.diffSha().equals(python.diffSha())
                    && ours.diffBytes() == python.diffBytes();
            double pyMs = python == null ? Double.NaN : python.bestMs();
            System.out.printf("%9d %12.1f %12.2f %12.1f %8.1fx %10d  %s (ratio %s, diff %d bytes)%n", lines, pyMs,
                    ours.bestMs(), ours.coldMs(), pyMs / ours.bestMs(), ours.opcodes(),
                    python == null ? "python3 missing" : same ? "yes" : "NO", ours.ratio(), ours.diffBytes());
            timings.add(new double[] {lines, pyMs, ours.bestMs()});
        }
        for (int i = 1; i < timings.size(); i++) {
            double[] lo = timings.get(i - 1);
            double[] hi = timings.get(i);
            System.out.printf("scaling %d -> %d lines (x%.0f): python x%.1f, java x%.1f%n", (int) lo[0], (int) hi[0],
                    hi[0] / lo[0], hi[1] / lo[1], hi[2] / lo[2]);
        }
    }

    private static Outcome java(String a, String b) {
        double[] ms = new double[JAVA_RUNS];
        Outcome last = null;
        long coldStart = System.nanoTime();
        runOnce(a, b);
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        long warmStart = System.nanoTime();
        for (int warm = 0; warm < 5 || System.nanoTime() - warmStart < WARMUP_NANOS; warm++) {
            runOnce(a, b);
        }
        for (int r = 0; r < JAVA_RUNS; r++) {
            long t0 = System.nanoTime();
            Object[] result = runOnce(a, b);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            last = outcome(result);
        }
        Arrays.sort(ms);
        return new Outcome(ms[0], coldMs, last.ratio(), last.opcodes(), last.opsSha(), last.diffSha(),
                last.diffBytes());
    }

    private static Object[] runOnce(String a, String b) {
        List<String> la = PythonText.splitLinesKeepEnds(a);
        List<String> lb = PythonText.splitLinesKeepEnds(b);
        SequenceMatcher<String> sm = SequenceMatcher.of(la, lb);
        double ratio = sm.ratio();
        List<Opcode> ops = sm.opcodes();
        String diff = UnifiedDiff.text(la, lb, "a.conf", "b.conf", 3);
        return new Object[] {ratio, ops, diff};
    }

    @SuppressWarnings("unchecked")
    private static Outcome outcome(Object[] result) {
        StringBuilder opText = new StringBuilder();
        List<Opcode> ops = (List<Opcode>) result[1];
        for (Opcode op : ops) {
            opText.append(op.tag().pythonName()).append(' ').append(op.i1()).append(' ').append(op.i2()).append(' ')
                    .append(op.j1()).append(' ').append(op.j2()).append('\n');
        }
        byte[] diff = ((String) result[2]).getBytes(StandardCharsets.UTF_8);
        String opsSha = Digests.sha256Hex(opText.toString());
        return new Outcome(0, 0, Double.toString((Double) result[0]), ops.size(), opsSha, Digests.sha256Hex(diff),
                diff.length);
    }

    private static Outcome python(Path script, Path a, Path b) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), a.toString(), b.toString(),
                    Integer.toString(PYTHON_RUNS)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("python3 failed: " + out);
        }
        double[] times = Arrays.stream(field(out, "\"times\": \\[([^]]*)]").split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim()) * 1000).sorted().toArray();
        return new Outcome(times[0], Double.NaN, field(out, "\"ratio\": \"([^\"]*)\""),
                Integer.parseInt(field(out, "\"opcodes\": (\\d+)")), field(out, "\"opsSha\": \"([0-9a-f]+)\""),
                field(out, "\"diffSha\": \"([0-9a-f]+)\""), Long.parseLong(field(out, "\"diffBytes\": (\\d+)")));
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("python output lacks " + regex + ": " + json);
        }
        return m.group(1);
    }
}
