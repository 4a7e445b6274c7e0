package dev.fnbundle.local.console;

import dev.fnbundle.embedded.template.FunctionSpec;
import dev.fnbundle.local.function.FunctionPool;
import dev.fnbundle.local.function.InvocationResult;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the runtime tells its user: a start-up table, one line per invocation (function, trigger, duration,
 * cold or warm, status), instance start-ups with their init time, and problems. Colours only on a terminal, and
 * never when NO_COLOR is set.
 */
public final class Console implements FunctionPool.Listener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean color;

    public Console(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    /** A console on standard output, coloured when it is a terminal. */
    public static Console system() {
        return new Console(System.out, System.console() != null && System.getenv("NO_COLOR") == null);
    }

    public void info(String message) {
        out.println(message);
    }

    public void heading(String title) {
        out.println();
        out.println(paint("1", title));
    }

    /** Prints rows as left-aligned columns. */
    public void table(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            var line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    public void problem(String message) {
        out.println(paint("31", "error: ") + message);
    }

    public void warning(String message) {
        out.println(paint("33", "warning: ") + message);
    }

    @Override
    public void instanceReady(FunctionSpec spec, int instance, long initMillis) {
        out.println(stamp() + paint("2", String.format("%-26s instance #%d ready, init %d ms", spec.logicalId(),
                instance, initMillis)));
    }

    @Override
    public void instanceFailed(FunctionSpec spec, int instance, String reason) {
        out.println(stamp() + paint("31", String.format("%-26s instance #%d failed: %s", spec.logicalId(),
                instance, reason)));
    }

    @Override
    public void invoked(FunctionSpec spec, String trigger, InvocationResult result) {
        String status = result.status();
        String coloured = result.succeeded() ? paint("32", status) : paint("31", status);
        out.println(stamp() + String.format("%-26s %-34s %6d ms  %-4s  ", spec.logicalId(), trigger,
                result.durationMillis(), result.cold() ? "cold" : "warm") + coloured);
    }

    private String stamp() {
        return paint("2", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME)) + "  ";
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
