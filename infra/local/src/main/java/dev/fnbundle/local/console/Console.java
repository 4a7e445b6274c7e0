package dev.fnbundle.local.console;

import dev.fnbundle.local.observe.InstanceEvent;
import dev.fnbundle.local.observe.InvocationRecord;
import dev.fnbundle.local.observe.LogLine;
import dev.fnbundle.local.observe.Observer;
import dev.fnbundle.local.observe.Recorder;
import dev.fnbundle.local.observe.ReloadEvent;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the runtime tells its user on the terminal: a start-up table, instance start-ups with their init time,
 * each invocation as Lambda reports it (a summary with its trigger and status, then the REPORT line), problems,
 * and, with {@code --logs}, every line the functions print, behind the function's name. Colours only on a
 * terminal, and never when NO_COLOR is set; without colour, errors stand out by their marker.
 */
public final class Console implements Observer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Longest function log line shown on the console (the log file and the recorder keep more). */
    private static final int MAX_SHOWN_CHARS = 4 * 1024;

    private final PrintStream out;
    private final boolean color;
    private final boolean logs;

    public Console(PrintStream out, boolean color) {
        this(out, color, false);
    }

    /** @param logs whether function log lines are shown */
    public Console(PrintStream out, boolean color, boolean logs) {
        this.out = out;
        this.color = color;
        this.logs = logs;
    }

    /**
     * A console on standard output, coloured when it is a terminal.
     *
     * @param logs whether to show function log lines; null shows them when standard output is a terminal
     */
    public static Console system(Boolean logs) {
        boolean terminal = System.console() != null;
        return new Console(System.out, terminal && System.getenv("NO_COLOR") == null,
                logs == null ? terminal : logs);
    }

    /** Prints what {@code recorder} records from now on. */
    public AutoCloseable follow(Recorder recorder) {
        return recorder.subscribe(this);
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
    public void instance(InstanceEvent event) {
        switch (event.state()) {
            case READY -> {
                if (event.initMillis() >= 0) {
                    out.println(stamp() + paint("2", String.format("%-26s instance #%d ready, init %d ms%s",
                            event.function(), event.instance(), Math.round(event.initMillis()),
                            event.detail() == null ? "" : " (" + event.detail() + ")")));
                }
            }
            case FAILED -> out.println(stamp() + paint("31", String.format("%-26s instance #%d failed: %s",
                    event.function(), event.instance(), event.detail())));
            default -> {
                // starting, busy and stopped are for the browser console; the invocation lines say enough here
            }
        }
    }

    @Override
    public void invocation(InvocationRecord record) {
        String status = record.status() + (record.errorType() == null ? "" : " " + record.errorType());
        String coloured = record.succeeded() ? paint("32", status) : paint("31", status);
        synchronized (out) {
            out.println(stamp() + String.format("%-26s %-34s %9.2f ms  %-4s  ", record.function(),
                    record.trigger(), record.durationMillis(), record.cold() ? "cold" : "warm") + coloured);
            out.println("          " + paint("2", record.reportLine().replace("\t", "  ")));
        }
    }

    /** A reload applied ("reloaded ... in 2.41 s") or refused (the compiler's or template's error, in full). */
    @Override
    public void reload(ReloadEvent event) {
        String what = String.join(", ", event.changed());
        synchronized (out) {
            if (event.succeeded()) {
                out.println(stamp() + paint("32", "reloaded " + what) + String.format(java.util.Locale.ROOT,
                        " in %.2f s", event.durationMillis() / 1000) + (event.functions().isEmpty() ? ""
                        : ": " + String.join(", ", event.functions())) + (event.detail().isEmpty() ? ""
                        : " (" + event.detail() + ")"));
            } else {
                out.println(stamp() + paint("31", "not reloaded " + what) + "; the previous version keeps serving:");
                event.detail().lines().forEach(line -> out.println("    " + line));
            }
        }
    }

    @Override
    public void log(LogLine line) {
        if (!logs) {
            return;
        }
        String text = Recorder.cut(line.text(), MAX_SHOWN_CHARS);
        String shown = switch (line.level()) {
            case ERROR -> color ? paint("31", text) : "! " + text;
            case WARN -> paint("33", text);
            default -> text;
        };
        synchronized (out) {
            out.println(stamp() + paint("36", line.function()) + " | " + shown);
        }
    }

    /** Whether this console shows function log lines. */
    public boolean showsLogs() {
        return logs;
    }

    private String stamp() {
        return paint("2", LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME)) + "  ";
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
